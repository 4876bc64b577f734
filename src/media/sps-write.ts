import { addEmulationPrevention, BitWriter } from './bits.js';

const H264_PROFILE_IDC: Record<string, number> = { Baseline: 66, Main: 77, High: 100 };

/** An H.264 sequence parameter set NAL unit for a stream of this size and frame rate. */
export function h264Sps(width: number, height: number, fps: number, profile: string): Buffer {
  const profileIdc = H264_PROFILE_IDC[profile] ?? 100;
  const mbWidth = Math.ceil(width / 16);
  const mbHeight = Math.ceil(height / 16);
  const w = new BitWriter().u(8, profileIdc).u(8, 0).u(8, 40).ue(0);
  if (profileIdc === 100) w.ue(1).ue(0).ue(0).u(1, 0).u(1, 0);
  w.ue(0) // log2_max_frame_num_minus4
    .ue(2) // pic_order_cnt_type
    .ue(1) // max_num_ref_frames
    .u(1, 0)
    .ue(mbWidth - 1)
    .ue(mbHeight - 1)
    .u(1, 1) // frame_mbs_only_flag
    .u(1, 1); // direct_8x8_inference_flag
  const cropRight = (mbWidth * 16 - width) / 2;
  const cropBottom = (mbHeight * 16 - height) / 2;
  if (cropRight || cropBottom) w.u(1, 1).ue(0).ue(cropRight).ue(0).ue(cropBottom);
  else w.u(1, 0);
  // VUI with timing info only, so the frame rate can be read back from the SDP.
  w.u(1, 1)
    .u(1, 0)
    .u(1, 0)
    .u(1, 0)
    .u(1, 0)
    .u(1, 1)
    .u(32, 1)
    .u(32, Math.round(fps * 2))
    .u(1, 1)
    .u(1, 0)
    .u(1, 0)
    .u(1, 0)
    .u(1, 0);
  return Buffer.concat([Buffer.from([0x67]), addEmulationPrevention(w.trailing().bytes())]);
}

/** An H.265 sequence parameter set NAL unit (Main profile) for a stream of this size. */
export function h265Sps(width: number, height: number): Buffer {
  const alignedWidth = Math.ceil(width / 8) * 8;
  const alignedHeight = Math.ceil(height / 8) * 8;
  const w = new BitWriter()
    .u(4, 0) // sps_video_parameter_set_id
    .u(3, 0) // sps_max_sub_layers_minus1
    .u(1, 1) // sps_temporal_id_nesting_flag
    // profile_tier_level: space 0, tier 0, Main profile, compatible with Main and Main 10
    .u(2, 0)
    .u(1, 0)
    .u(5, 1)
    .u(32, 0x60000000)
    .u(4, 0b1001) // progressive, not interlaced, not non-packed, frame-only
    .u(22, 0)
    .u(22, 0) // 44 reserved bits
    .u(8, 120) // general_level_idc: level 4
    .ue(0) // sps_seq_parameter_set_id
    .ue(1) // chroma_format_idc 4:2:0
    .ue(alignedWidth)
    .ue(alignedHeight);
  const cropRight = (alignedWidth - width) / 2;
  const cropBottom = (alignedHeight - height) / 2;
  if (cropRight || cropBottom) w.u(1, 1).ue(0).ue(cropRight).ue(0).ue(cropBottom);
  else w.u(1, 0);
  w.ue(0).ue(0).ue(4).u(1, 1).ue(1).ue(0).ue(0).ue(0).ue(3).ue(0).ue(3).ue(0).ue(0);
  w.u(1, 0).u(1, 0).u(1, 0).u(1, 0).ue(0).u(1, 0).u(1, 0).u(1, 0).u(1, 0).u(1, 0);
  return Buffer.concat([Buffer.from([0x42, 0x01]), addEmulationPrevention(w.trailing().bytes())]);
}
