import { checkEncoderChange } from '../../onvif/encoder-check.js';
import type { EncoderConfig } from '../../onvif/media.js';
import { encoderChangeFor, profileFor } from '../encoder-change.js';
import type { Finding } from '../model.js';
import type { TopicInput } from './context.js';

/** Each stream spec against its profile's encoder: a fix when the camera offers what is wanted, else a person. */
export function encoderFindings({ d, o, finding }: TopicInput): Finding[] {
  if (!o.profiles) return [];
  const out: Finding[] = [];
  for (const spec of d.streams) {
    const profile = profileFor(o.profiles, spec);
    if (!profile?.encoder) {
      out.push(
        finding(
          'attention',
          'encoder',
          `has no media profile '${spec.profile}'`,
          `profiles: ${o.profiles.map((p) => p.name).join(', ') || 'none'}; correct the inventory`,
        ),
      );
      continue;
    }
    const needed = encoderChangeFor(profile.encoder, spec);
    if (!needed) continue;
    const options = o.encoderOptions[profile.encoder.token];
    const check = options ? checkEncoderChange(profile.encoder, options, needed.change) : undefined;
    if (check && !check.ok) {
      out.push(
        finding(
          'attention',
          'unsupported',
          `${profile.name} cannot stream as the inventory asks: ${check.problems.join('; ')}`,
          'change the inventory to what the camera offers, or replace the camera',
        ),
      );
      continue;
    }
    const wanted: EncoderConfig = check?.ok ? check.wanted : { ...profile.encoder, ...needed.change };
    out.push(
      finding('fix', 'encoder', `${profile.name}: ${needed.differences.join(', ')}`, 'apply sets the encoder and reads it back', {
        type: 'set-encoder',
        profile: profile.token,
        encoder: wanted,
      }),
    );
  }
  return out;
}
