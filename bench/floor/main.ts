// The floor for a returning dashboard (issue 29): the least a page can do that does the
// dashboard's essential job. Precached by its own service worker (public/sw.js), it opens the
// app's IndexedDB (`anyam`, same origin), reads every monthly rollup row through the `month`
// index, computes one score-like figure from the last 13 complete months and renders it in a
// card with Intl.NumberFormat. No framework, no Dexie: what is left is the browser's own cost.

export {};

interface Row {
  month: string;
  status: string;
  baseMinor: number;
}

const app = document.getElementById('app')!;

function read(): Promise<{ rows: Row[]; currency: string }> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('anyam');
    open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['rollups', 'settings'], 'readonly');
      const rows = tx.objectStore('rollups').index('month').getAll();
      const settings = tx.objectStore('settings').getAll();
      tx.oncomplete = () => {
        const base = (settings.result[0] as { baseCurrency?: string } | undefined)?.baseCurrency;
        resolve({ rows: rows.result as Row[], currency: base || 'IDR' });
        db.close();
      };
      tx.onerror = () => reject(tx.error ?? new Error('read failed'));
    };
  });
}

/** The 13 complete months before this one: income per month, then 100 − the spread in %. */
function score(rows: Row[]): { score: number | null; meanMinor: number } {
  const now = new Date();
  const months: string[] = [];
  for (let i = 13; i >= 1; i--) {
    const d = new Date(now.getFullYear(), now.getMonth() - i, 1);
    months.push(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`);
  }
  const totals = new Map(months.map((m) => [m, 0]));
  for (const r of rows) {
    if (r.status === 'received' && totals.has(r.month)) {
      totals.set(r.month, totals.get(r.month)! + r.baseMinor);
    }
  }
  const xs = [...totals.values()];
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  if (mean <= 0) return { score: null, meanMinor: 0 };
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length);
  return { score: Math.max(0, Math.round(100 * (1 - sd / mean))), meanMinor: mean };
}

const { rows, currency } = await read();
const result = score(rows);
const number = new Intl.NumberFormat('en-US');
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency });
const card = document.createElement('section');
card.className = 'card';
card.dataset.testid = 'floor-ready';
const title = document.createElement('h2');
title.textContent = 'Resilience score';
const shown = document.createElement('p');
shown.textContent = result.score === null ? 'Not enough history' : number.format(result.score);
const mean = document.createElement('p');
mean.textContent = `${money.format(result.meanMinor / 100)} a month on average`;
card.append(title, shown, mean);
app.append(card);

if ('serviceWorker' in navigator) void navigator.serviceWorker.register('./sw.js');
