// The webhook endpoint both sides are subscribed to: loopback, answers 204 to every delivery, and counts them by
// path (one path per server), which GET /counts returns. Prints its port when ready.
import http from 'node:http';

const counts = {};
const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/counts') {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(counts));
    return;
  }
  req.resume();
  req.on('end', () => {
    counts[req.url] = (counts[req.url] ?? 0) + 1;
    res.writeHead(204).end();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.on('SIGTERM', () => process.exit(0));
