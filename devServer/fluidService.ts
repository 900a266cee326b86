import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface FluidService {
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The local Fluid service for Live Share (tinylicious, in memory), as its own process: `npm start` runs it
 * next to the local Graph server, and the live-channel tests and benchmarks start one on a free port.
 */
export async function startFluidService(
  options: { port?: number; verbose?: boolean } = {},
): Promise<FluidService> {
  const port = options.port || (await freePort());
  const child: ChildProcess = spawn(process.execPath, [require.resolve('tinylicious/dist/index.js')], {
    env: { ...process.env, PORT: String(port) },
    stdio: options.verbose ? 'inherit' : 'ignore',
  });
  const endpoint = `http://localhost:${port}`;
  let exited = false;
  child.on('exit', () => (exited = true));
  const deadline = Date.now() + 30000;
  for (;;) {
    if (exited) throw new Error(`The Fluid service (tinylicious) stopped while starting on port ${port}.`);
    try {
      if ((await fetch(endpoint, { signal: AbortSignal.timeout(1000) })).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The Fluid service (tinylicious) did not start on port ${port} within 30 s.`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    endpoint,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
