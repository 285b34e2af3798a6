export function startServer(options?: { root?: string; host?: string; port?: number }): Promise<{
  url: string;
  close(): Promise<void>;
  setRoot(dir: string): void;
}>;
