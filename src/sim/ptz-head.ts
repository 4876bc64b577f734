import type { PtzPosition } from './model.js';
import { clampPosition, clampVelocity, sampleMotion, stopMotion, type Motion, type MotionSample } from './ptz-motion.js';

/** Generic-space units per second at full speed; a full pan from -1 to 1 takes 2 s by default. */
export const DEFAULT_PTZ_SPEED = 1;

/** The pan/tilt/zoom head of a simulated camera: moves take time, so GetStatus shows MOVING, then IDLE. */
export class PtzHead {
  private motion: Motion;

  constructor(
    start: PtzPosition,
    private readonly now: () => number,
    private readonly speed = DEFAULT_PTZ_SPEED,
  ) {
    this.motion = { kind: 'idle', at: clampPosition(start) };
  }

  sample(): MotionSample {
    return sampleMotion(this.motion, this.now());
  }

  get position(): PtzPosition {
    return this.sample().position;
  }

  /** Moves toward `target` (clamped to the generic spaces); `speedScale` in (0, 1] slows the move. */
  moveTo(target: PtzPosition, speedScale = 1): void {
    const scale = speedScale > 0 && speedScale <= 1 ? speedScale : 1;
    this.motion = {
      kind: 'toward',
      from: this.position,
      to: clampPosition(target),
      startedAt: this.now(),
      panTiltSpeed: this.speed * scale,
      zoomSpeed: this.speed * scale,
    };
  }

  moveBy(delta: PtzPosition, speedScale = 1): void {
    const from = this.position;
    this.moveTo({ pan: from.pan + delta.pan, tilt: from.tilt + delta.tilt, zoom: from.zoom + delta.zoom }, speedScale);
  }

  /** Moves at `velocity` (each axis in [-1, 1] of full speed) until stopped or `timeoutMs` has passed. */
  moveAt(velocity: PtzPosition, timeoutMs: number): void {
    const now = this.now();
    this.motion = {
      kind: 'velocity',
      from: this.position,
      velocity: clampVelocity(velocity),
      startedAt: now,
      until: now + timeoutMs,
      panTiltSpeed: this.speed,
      zoomSpeed: this.speed,
    };
  }

  /** Stops the axes named; an axis that keeps moving continues from where it is. */
  stop(panTilt = true, zoom = true): void {
    const now = this.now();
    if (panTilt && zoom) {
      this.motion = stopMotion(this.motion, now);
      return;
    }
    const { position } = sampleMotion(this.motion, now);
    if (this.motion.kind === 'toward') {
      const to = { ...this.motion.to };
      if (panTilt) Object.assign(to, { pan: position.pan, tilt: position.tilt });
      if (zoom) to.zoom = position.zoom;
      this.motion = { ...this.motion, from: position, to, startedAt: now };
    } else if (this.motion.kind === 'velocity') {
      const velocity = { ...this.motion.velocity };
      if (panTilt) Object.assign(velocity, { pan: 0, tilt: 0 });
      if (zoom) velocity.zoom = 0;
      this.motion = { ...this.motion, from: position, velocity, startedAt: now, until: this.motion.until };
    }
  }
}
