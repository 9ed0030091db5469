import { boot } from './boot.ts';
import { startServer } from './server.ts';

// `npm start`: migrate, first-start work, serve until SIGINT/SIGTERM.
const { deps, log, database } = await boot();
const running = await startServer(deps);
process.stdout.write(`Counterpart is running at http://localhost:${running.port}/\n`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  await running.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
