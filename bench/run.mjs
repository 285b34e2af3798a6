// `npm run bench`: builds Anyam and prints one line per figure, then writes bench/results.json.
// Figures are measured, never asserted: speed lives here, not in timed unit tests.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { initialAssetSizes } from './size.mjs';

const results = { machine: machineSummary(), measuredAt: new Date().toISOString(), figures: {} };

function machineSummary() {
  return `${process.platform} ${process.arch}, node ${process.version}`;
}

function print(name, value, unit, extra = '') {
  console.log(`${name.padEnd(44)} ${String(value).padStart(10)} ${unit}${extra ? `  ${extra}` : ''}`);
}

execFileSync('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });

const sizes = initialAssetSizes('dist');
results.figures.initialAssets = sizes;
for (const file of sizes.files) print(`gzip ${file.name}`, file.gzip, 'B');
print('gzip initial JS total', sizes.jsGzip, 'B', '(goal: shell <= 60 KB)');
print('gzip initial CSS total', sizes.cssGzip, 'B');

writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
console.log('bench: wrote bench/results.json');
