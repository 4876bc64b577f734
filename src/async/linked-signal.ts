/**
 * A signal of its own that aborts when `parent` does. Node keeps an EventTarget's listeners in a list that
 * every add and remove walks, so a thousand requests each listening on one fleet-wide signal make every
 * request cost a thousand steps; a signal per camera, linked once, keeps each list a few long.
 */
export function linkedSignal(parent: AbortSignal): AbortSignal {
  const controller = new AbortController();
  if (parent.aborted) controller.abort(parent.reason);
  else parent.addEventListener('abort', () => controller.abort(parent.reason), { once: true });
  return controller.signal;
}
