/**
 * A small helper process that runs the system `ping` for camfleet. Spawning a process costs time in
 * proportion to the size of the parent; from this small process it costs a third of what it costs
 * from camfleet's own, and it does not stall camfleet's event loop. Messages: { id, ip, timeoutMs } in,
 * { id, alive, ms, output } or { id, error } out.
 */
import ping from 'ping';

process.on('message', (message: { id: number; ip: string; timeoutMs: number }) => {
  ping.promise.probe(message.ip, { timeout: Math.max(1, Math.ceil(message.timeoutMs / 1000)), min_reply: 1 }).then(
    (r) => process.send?.({ id: message.id, alive: r.alive, ms: typeof r.time === 'number' ? r.time : 0, output: String(r.output ?? '') }),
    (err: Error) => process.send?.({ id: message.id, error: err.message }),
  );
});
process.on('disconnect', () => process.exit(0));
