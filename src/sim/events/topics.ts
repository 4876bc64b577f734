import type { Tamper } from '../model.js';

/** The ONVIF topics a simulated camera raises (tns1: http://www.onvif.org/ver10/topics). */
export const TOPIC = {
  sceneChange: 'tns1:VideoSource/GlobalSceneChange/ImagingService',
  tooDark: 'tns1:VideoSource/ImageTooDark/ImagingService',
  tooBright: 'tns1:VideoSource/ImageTooBright/ImagingService',
  tooBlurry: 'tns1:VideoSource/ImageTooBlurry/ImagingService',
  motion: 'tns1:VideoSource/MotionAlarm',
} as const;

/** The tamper topics a kind of tampering sets, as a camera's analytics would see it. */
export function tamperTopics(tamper: Tamper): string[] {
  switch (tamper.kind) {
    case 'none':
    case 'nudged':
      return [];
    case 'covered':
      return [TOPIC.sceneChange, TOPIC.tooDark];
    case 'bagged':
      return [TOPIC.sceneChange, TOPIC.tooBright];
    case 'defocused':
      return [TOPIC.tooBlurry];
    default:
      return [TOPIC.sceneChange];
  }
}
