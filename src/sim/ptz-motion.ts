import type { PtzPosition } from './model.js';

/** A move in progress, evaluated lazily: the position is a function of time, so no timers are needed. */
export type Motion =
  | { kind: 'idle'; at: PtzPosition }
  | { kind: 'toward'; from: PtzPosition; to: PtzPosition; startedAt: number; panTiltSpeed: number; zoomSpeed: number }
  | {
      kind: 'velocity';
      from: PtzPosition;
      velocity: PtzPosition;
      startedAt: number;
      until: number;
      panTiltSpeed: number;
      zoomSpeed: number;
    };

export interface MotionSample {
  position: PtzPosition;
  panTiltMoving: boolean;
  zoomMoving: boolean;
}

export const clampPan = (v: number): number => Math.min(1, Math.max(-1, v));
export const clampZoom = (v: number): number => Math.min(1, Math.max(0, v));

export function clampPosition(p: PtzPosition): PtzPosition {
  return { pan: clampPan(p.pan), tilt: clampPan(p.tilt), zoom: clampZoom(p.zoom) };
}

/** A velocity: every axis, zoom included, in [-1, 1] of full speed. */
export function clampVelocity(v: PtzPosition): PtzPosition {
  return { pan: clampPan(v.pan), tilt: clampPan(v.tilt), zoom: clampPan(v.zoom) };
}

/** Where the head is at time `now`, and whether each axis is still moving. */
export function sampleMotion(motion: Motion, now: number): MotionSample {
  if (motion.kind === 'idle') return { position: motion.at, panTiltMoving: false, zoomMoving: false };
  const elapsed = Math.max(0, now - motion.startedAt) / 1000;

  if (motion.kind === 'toward') {
    const { from, to } = motion;
    // Pan and tilt move together and arrive together, as on a real head.
    const panTiltDistance = Math.max(Math.abs(to.pan - from.pan), Math.abs(to.tilt - from.tilt));
    const panTiltDuration = panTiltDistance / motion.panTiltSpeed;
    const zoomDuration = Math.abs(to.zoom - from.zoom) / motion.zoomSpeed;
    const ptShare = panTiltDuration === 0 ? 1 : Math.min(1, elapsed / panTiltDuration);
    const zShare = zoomDuration === 0 ? 1 : Math.min(1, elapsed / zoomDuration);
    return {
      position: {
        pan: from.pan + (to.pan - from.pan) * ptShare,
        tilt: from.tilt + (to.tilt - from.tilt) * ptShare,
        zoom: from.zoom + (to.zoom - from.zoom) * zShare,
      },
      panTiltMoving: ptShare < 1,
      zoomMoving: zShare < 1,
    };
  }

  const effective = Math.min(elapsed, Math.max(0, motion.until - motion.startedAt) / 1000);
  const unclamped = {
    pan: motion.from.pan + motion.velocity.pan * motion.panTiltSpeed * effective,
    tilt: motion.from.tilt + motion.velocity.tilt * motion.panTiltSpeed * effective,
    zoom: motion.from.zoom + motion.velocity.zoom * motion.zoomSpeed * effective,
  };
  const position = clampPosition(unclamped);
  const running = now < motion.until;
  // An axis stops when its velocity is zero, the timeout has passed, or it has hit the end of its range.
  const panTiltMoving =
    running &&
    ((motion.velocity.pan !== 0 && position.pan === unclamped.pan) || (motion.velocity.tilt !== 0 && position.tilt === unclamped.tilt));
  const zoomMoving = running && motion.velocity.zoom !== 0 && position.zoom === unclamped.zoom;
  return { position, panTiltMoving, zoomMoving };
}

/** Freezes a motion where it is at `now`. */
export function stopMotion(motion: Motion, now: number): Motion {
  return { kind: 'idle', at: sampleMotion(motion, now).position };
}
