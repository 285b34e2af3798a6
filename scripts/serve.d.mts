export function startServer(options?: {
  root?: string;
  host?: string;
  port?: number;
  /** URL prefix → directory, served at the same origin (e.g. { '/__bench/': 'dist-bench-harness' }). */
  mounts?: Record<string, string>;
  /** Told of every response once sent (bytes as sent; `at`: when the request arrived, epoch ms). */
  onRequest?: ((r: { path: string; status: number; bytes: number; at: number }) => void) | null;
}): Promise<{
  url: string;
  close(): Promise<void>;
  setRoot(dir: string): void;
}>;

/** True when an Accept-Encoding header accepts gzip (listed, or `*`, without `q=0`). */
export function acceptsGzip(header?: string): boolean;
