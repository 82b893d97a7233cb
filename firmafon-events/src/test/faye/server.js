// The real faye (Bayeux) server for firmafon-events' conformance tests, on loopback.
// Environment: PORT (0 = any), FAYE_TOKEN (the access token ext must carry), FAYE_PUBLISHER (the secret a test's
// publications carry), FAYE_TIMEOUT (long-poll seconds), FAYE_WEBSOCKET ("false": refuse upgrades).
// Prints "listening <port>" once ready. POST /control/drop closes every open connection; GET /control/stats counts
// the meta messages accepted.
const http = require('http');
const faye = require('faye');

const token = process.env.FAYE_TOKEN;
const publisher = process.env.FAYE_PUBLISHER;
const bayeux = new faye.NodeAdapter({ mount: '/faye', timeout: parseFloat(process.env.FAYE_TIMEOUT || '2') });

bayeux.addExtension({
  incoming(message, callback) {
    const ext = message.ext || {};
    if (message.channel.startsWith('/meta/')) {
      const guarded = ['/meta/handshake', '/meta/connect', '/meta/subscribe'].includes(message.channel);
      if (guarded && ext.access_token !== token) {
        message.error = '401::Bad access token';
      } else if (message.channel === '/meta/subscribe' && String(message.subscription).startsWith('/forbidden')) {
        message.error = '403::Forbidden channel';
      }
    } else if (ext.publisher !== publisher) {
      message.error = '403::Only the test publishes';
    }
    delete message.ext; // never forwarded to subscribers
    callback(message);
  }
});

const stats = { handshakes: 0, disconnects: 0, unsubscribes: 0, subscribes: 0, websockets: 0 };
bayeux.addExtension({
  incoming(message, callback) {
    if (!message.error) {
      if (message.channel === '/meta/handshake') stats.handshakes++;
      if (message.channel === '/meta/disconnect') stats.disconnects++;
      if (message.channel === '/meta/unsubscribe') stats.unsubscribes++;
      if (message.channel === '/meta/subscribe') stats.subscribes++;
    }
    callback(message);
  }
});

const sockets = new Set();
const server = http.createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/control/stats') {
    response.setHeader('Content-Type', 'application/json');
    response.end(JSON.stringify(stats));
    return;
  }
  if (request.method === 'POST' && request.url === '/control/drop') {
    response.end('dropping');
    setImmediate(() => sockets.forEach((socket) => socket.destroy()));
    return;
  }
  bayeux.handle(request, response);
});
server.on('connection', (socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
});
if (process.env.FAYE_WEBSOCKET === 'false') {
  server.on('upgrade', (request, socket) => socket.destroy());
} else {
  server.on('upgrade', (request, socket, head) => {
    stats.websockets++;
    bayeux.handleUpgrade(request, socket, head);
  });
}
server.listen(parseInt(process.env.PORT || '0', 10), '127.0.0.1', () => {
  console.log('listening ' + server.address().port);
});
