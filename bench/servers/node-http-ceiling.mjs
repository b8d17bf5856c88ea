// The machine's node:http ceiling: a server that answers every request at once, as the app's /healthz does before
// anything of the app runs. A process of its own, so its CPU is read like any server's. Prints its port when ready.
import http from 'node:http';

const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' }).end('ok');
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.on('SIGTERM', () => process.exit(0));
