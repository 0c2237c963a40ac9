// Process helpers shared by the e2e runner, the lifecycle spec and the benchmarks.
const net = require('node:net');

/** A TCP port nobody listens on right now (the OS picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `${baseUrl}/health` until it answers 200; rejects if `child` exits first or on timeout. */
async function waitForHealth(baseUrl, child, timeoutMs, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  let exited;
  const onExit = (code, signal) => (exited = { code, signal });
  child?.once('exit', onExit);
  try {
    for (;;) {
      if (exited) throw new Error(`the server exited (code ${exited.code}, signal ${exited.signal}) before /health answered`);
      try {
        const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(5_000) });
        if (response.status === 200) return await response.json();
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`/health did not answer 200 within ${Math.round(timeoutMs / 1000)} s`);
      await sleep(intervalMs);
    }
  } finally {
    child?.off('exit', onExit);
  }
}

/** Sends `signal`, waits for exit; SIGKILLs after `timeoutMs`. Resolves { code, signal, killed }. */
function stopProcess(child, signal, timeoutMs) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode, killed: false });
      return;
    }
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('exit', (code, exitSignal) => {
      clearTimeout(timer);
      resolve({ code, signal: exitSignal, killed });
    });
    child.kill(signal);
  });
}

module.exports = { freePort, sleep, waitForHealth, stopProcess };
