/** The camera simulator as a library: `const fleet = await startFleet({ count: 50 }); … await fleet.stop();` */
export { startFleet, DEFAULT_PASSWORD, DEFAULT_USERNAME, type CameraOverride, type Fleet, type FleetOptions } from './fleet.js';
export type { SimCamera, SimCameraInfo, SimDeps } from './camera.js';
export type { AuthMode, CameraFaults, CameraState, FaultChanges, PtzPosition, EncoderSettings, Codec } from './model.js';
