// Keeps a child process running: when it dies on its own, the log says so and it is started again.

export const log = (line) => console.log(`[${new Date().toISOString()}] ${line}`);

/** Waits 1 s, then twice as long after each crash within a minute of starting, at most 30 s. */
export function superviseChild(name, start, { children, state, log: write = log }) {
  let restarts = 0;
  let startedAt = 0;
  const launch = () => {
    startedAt = Date.now();
    const child = start();
    children.set(name, child);
    child.on('exit', (code, signal) => {
      if (state.stopping) return;
      restarts = Date.now() - startedAt > 60_000 ? 0 : restarts + 1;
      const wait = Math.min(1000 * 2 ** (restarts - 1), 30_000);
      write(`${name} 意外退出（${signal ?? `退出码 ${code}`}），${wait / 1000} 秒后自动重启（第 ${restarts} 次）`);
      setTimeout(() => {
        if (state.stopping) return;
        write(`${name} 正在重启`);
        launch();
      }, wait);
    });
  };
  launch();
}
