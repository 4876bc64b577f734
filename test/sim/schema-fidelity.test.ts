import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../src/sim/index.js';
import { PERSONA_NAMES, type PersonaName } from '../../src/sim/persona.js';
import { reserveBlock } from '../helpers/address-block.js';
import { answerChallenge, challengesOf } from '../helpers/digest.js';
import { call, envelope, post, type RawReply } from '../helpers/soap-client.js';
import { validateEnvelopes } from '../helpers/validate-soap.js';

const TT = 'xmlns:tt="http://www.onvif.org/ver10/schema"';
const tds = (body: string) => body.replace(/^<(\w+)/, '<$1 xmlns="http://www.onvif.org/ver10/device/wsdl"');
const trt = (body: string) => body.replace(/^<(\w+)/, '<$1 xmlns="http://www.onvif.org/ver10/media/wsdl"');
const tr2 = (body: string) => body.replace(/^<(\w+)/, '<$1 xmlns="http://www.onvif.org/ver20/media/wsdl"');
const tptz = (body: string) => body.replace(/^<(\w+)/, '<$1 xmlns="http://www.onvif.org/ver20/ptz/wsdl"');
const tse = (body: string) => body.replace(/^<(\w+)/, '<$1 xmlns="http://www.onvif.org/ver10/search/wsdl"');
const trc = (body: string) => body.replace(/^<(\w+)/, '<$1 xmlns="http://www.onvif.org/ver10/recording/wsdl"');
const trp = (body: string) => body.replace(/^<(\w+)/, '<$1 xmlns="http://www.onvif.org/ver10/replay/wsdl"');

/** SetSystemDateAndTime to this host's time, so WS-Security keeps working after it. */
function setTimeNow(): string {
  const d = new Date();
  return (
    `<SetSystemDateAndTime><DateTimeType>Manual</DateTimeType><DaylightSavings>false</DaylightSavings><TimeZone><tt:TZ ${TT}>ICT-7</tt:TZ></TimeZone>` +
    `<UTCDateTime><tt:Time ${TT}><tt:Hour>${d.getUTCHours()}</tt:Hour><tt:Minute>${d.getUTCMinutes()}</tt:Minute><tt:Second>${d.getUTCSeconds()}</tt:Second></tt:Time>` +
    `<tt:Date ${TT}><tt:Year>${d.getUTCFullYear()}</tt:Year><tt:Month>${d.getUTCMonth() + 1}</tt:Month><tt:Day>${d.getUTCDate()}</tt:Day></tt:Date></UTCDateTime></SetSystemDateAndTime>`
  );
}

let fleet: Fleet;
const base = () => `http://${fleet.cameras[0]!.address}`;

beforeAll(async () => {
  fleet = await startFleet({ count: 2, addressBase: '127.0.10.1', ptzSpeed: 50, rebootMs: 200 });
});
afterAll(() => fleet.stop());

/** Every operation the simulator implements, with a request that exercises it. */
const OPERATIONS: [string, string, string][] = [
  ['device', 'GetSystemDateAndTime', tds('<GetSystemDateAndTime/>')],
  ['device', 'SetSystemDateAndTime', tds(setTimeNow())],
  ['device', 'GetDeviceInformation', tds('<GetDeviceInformation/>')],
  ['device', 'GetCapabilities', tds('<GetCapabilities><Category>All</Category></GetCapabilities>')],
  ['device', 'GetServices', tds('<GetServices><IncludeCapability>true</IncludeCapability></GetServices>')],
  ['device', 'GetServicesNoCaps', tds('<GetServices><IncludeCapability>false</IncludeCapability></GetServices>')],
  ['device', 'GetServiceCapabilities', tds('<GetServiceCapabilities/>')],
  ['device', 'GetScopes', tds('<GetScopes/>')],
  ['device', 'GetHostname', tds('<GetHostname/>')],
  ['device', 'SetHostname', tds('<SetHostname><Name>gate-cam</Name></SetHostname>')],
  ['device', 'GetNetworkInterfaces', tds('<GetNetworkInterfaces/>')],
  [
    'device',
    'SetNetworkInterfaces',
    tds(
      `<SetNetworkInterfaces><InterfaceToken>eth0</InterfaceToken><NetworkInterface><tt:IPv4 ${TT}><tt:Enabled>true</tt:Enabled><tt:Manual><tt:Address>127.0.10.1</tt:Address><tt:PrefixLength>24</tt:PrefixLength></tt:Manual><tt:DHCP>false</tt:DHCP></tt:IPv4></NetworkInterface></SetNetworkInterfaces>`,
    ),
  ],
  ['device', 'GetNetworkDefaultGateway', tds('<GetNetworkDefaultGateway/>')],
  [
    'device',
    'SetNetworkDefaultGateway',
    tds('<SetNetworkDefaultGateway><IPv4Address>127.0.10.254</IPv4Address></SetNetworkDefaultGateway>'),
  ],
  ['device', 'GetDNS', tds('<GetDNS/>')],
  [
    'device',
    'SetDNS',
    tds(
      `<SetDNS><FromDHCP>false</FromDHCP><DNSManual><tt:Type ${TT}>IPv4</tt:Type><tt:IPv4Address ${TT}>127.0.10.53</tt:IPv4Address></DNSManual></SetDNS>`,
    ),
  ],
  ['device', 'GetNTP', tds('<GetNTP/>')],
  [
    'device',
    'SetNTP',
    tds(
      `<SetNTP><FromDHCP>false</FromDHCP><NTPManual><tt:Type ${TT}>DNS</tt:Type><tt:DNSname ${TT}>ntp.example.org</tt:DNSname></NTPManual></SetNTP>`,
    ),
  ],
  ['device', 'GetNTPAfterSet', tds('<GetNTP/>')],
  ['device', 'GetDiscoveryMode', tds('<GetDiscoveryMode/>')],
  ['media', 'GetProfiles', trt('<GetProfiles/>')],
  ['media', 'GetProfile', trt('<GetProfile><ProfileToken>Profile_1</ProfileToken></GetProfile>')],
  ['media', 'GetVideoSources', trt('<GetVideoSources/>')],
  ['media', 'GetVideoSourceConfigurations', trt('<GetVideoSourceConfigurations/>')],
  ['media', 'GetVideoEncoderConfigurations', trt('<GetVideoEncoderConfigurations/>')],
  [
    'media',
    'GetVideoEncoderConfiguration',
    trt('<GetVideoEncoderConfiguration><ConfigurationToken>VideoEncoder_1</ConfigurationToken></GetVideoEncoderConfiguration>'),
  ],
  [
    'media',
    'GetVideoEncoderConfigurationOptions',
    trt(
      '<GetVideoEncoderConfigurationOptions><ConfigurationToken>VideoEncoder_1</ConfigurationToken></GetVideoEncoderConfigurationOptions>',
    ),
  ],
  [
    'media',
    'SetVideoEncoderConfiguration',
    trt(
      `<SetVideoEncoderConfiguration><Configuration token="VideoEncoder_2"><tt:Name ${TT}>SubStream</tt:Name><tt:UseCount ${TT}>1</tt:UseCount><tt:Encoding ${TT}>H264</tt:Encoding><tt:Resolution ${TT}><tt:Width>704</tt:Width><tt:Height>576</tt:Height></tt:Resolution><tt:Quality ${TT}>3</tt:Quality><tt:RateControl ${TT}><tt:FrameRateLimit>12</tt:FrameRateLimit><tt:EncodingInterval>1</tt:EncodingInterval><tt:BitrateLimit>768</tt:BitrateLimit></tt:RateControl><tt:H264 ${TT}><tt:GovLength>24</tt:GovLength><tt:H264Profile>Main</tt:H264Profile></tt:H264><tt:Multicast ${TT}><tt:Address><tt:Type>IPv4</tt:Type><tt:IPv4Address>0.0.0.0</tt:IPv4Address></tt:Address><tt:Port>0</tt:Port><tt:TTL>5</tt:TTL><tt:AutoStart>false</tt:AutoStart></tt:Multicast><tt:SessionTimeout ${TT}>PT60S</tt:SessionTimeout></Configuration><ForcePersistence>true</ForcePersistence></SetVideoEncoderConfiguration>`,
    ),
  ],
  [
    'media',
    'GetStreamUri',
    trt(
      `<GetStreamUri><StreamSetup><tt:Stream ${TT}>RTP-Unicast</tt:Stream><tt:Transport ${TT}><tt:Protocol>RTSP</tt:Protocol></tt:Transport></StreamSetup><ProfileToken>Profile_1</ProfileToken></GetStreamUri>`,
    ),
  ],
  ['media', 'GetSnapshotUri', trt('<GetSnapshotUri><ProfileToken>Profile_1</ProfileToken></GetSnapshotUri>')],
  ['media2', 'GetProfiles2', tr2('<GetProfiles><Type>All</Type></GetProfiles>')],
  ['media2', 'GetProfilesNoType', tr2('<GetProfiles/>')],
  ['media2', 'GetStreamUri2', tr2('<GetStreamUri><Protocol>RtspUnicast</Protocol><ProfileToken>Profile_1</ProfileToken></GetStreamUri>')],
  ['media2', 'GetSnapshotUri2', tr2('<GetSnapshotUri><ProfileToken>Profile_2</ProfileToken></GetSnapshotUri>')],
  ['media2', 'GetVideoEncoderConfigurations2', tr2('<GetVideoEncoderConfigurations/>')],
  [
    'media2',
    'GetVideoEncoderConfigurationOptions2',
    tr2(
      '<GetVideoEncoderConfigurationOptions><ConfigurationToken>VideoEncoder_1</ConfigurationToken></GetVideoEncoderConfigurationOptions>',
    ),
  ],
  [
    'media2',
    'SetVideoEncoderConfiguration2',
    tr2(
      `<SetVideoEncoderConfiguration><Configuration token="VideoEncoder_1" GovLength="50" Profile="Main"><tt:Name ${TT}>MainStream</tt:Name><tt:UseCount ${TT}>1</tt:UseCount><tt:Encoding ${TT}>H265</tt:Encoding><tt:Resolution ${TT}><tt:Width>2560</tt:Width><tt:Height>1440</tt:Height></tt:Resolution><tt:RateControl ${TT}><tt:FrameRateLimit>20</tt:FrameRateLimit><tt:BitrateLimit>6144</tt:BitrateLimit></tt:RateControl><tt:Quality ${TT}>5</tt:Quality></Configuration></SetVideoEncoderConfiguration>`,
    ),
  ],
  ['media2', 'GetVideoEncoderConfigurationsAfterH265', tr2('<GetVideoEncoderConfigurations/>')],
  ['media', 'GetProfilesAfterH265', trt('<GetProfiles/>')],
  ['ptz', 'GetNodes', tptz('<GetNodes/>')],
  ['ptz', 'GetNode', tptz('<GetNode><NodeToken>PTZNode_1</NodeToken></GetNode>')],
  ['ptz', 'GetConfigurations', tptz('<GetConfigurations/>')],
  ['ptz', 'GetConfiguration', tptz('<GetConfiguration><PTZConfigurationToken>PTZConfig_1</PTZConfigurationToken></GetConfiguration>')],
  [
    'ptz',
    'GetConfigurationOptions',
    tptz('<GetConfigurationOptions><ConfigurationToken>PTZConfig_1</ConfigurationToken></GetConfigurationOptions>'),
  ],
  [
    'ptz',
    'AbsoluteMove',
    tptz(
      `<AbsoluteMove><ProfileToken>Profile_1</ProfileToken><Position><tt:PanTilt ${TT} x="0.25" y="-0.1"/><tt:Zoom ${TT} x="0.2"/></Position></AbsoluteMove>`,
    ),
  ],
  ['ptz', 'GetStatus', tptz('<GetStatus><ProfileToken>Profile_1</ProfileToken></GetStatus>')],
  [
    'ptz',
    'RelativeMove',
    tptz(`<RelativeMove><ProfileToken>Profile_1</ProfileToken><Translation><tt:PanTilt ${TT} x="0.1" y="0"/></Translation></RelativeMove>`),
  ],
  [
    'ptz',
    'ContinuousMove',
    tptz(
      `<ContinuousMove><ProfileToken>Profile_1</ProfileToken><Velocity><tt:PanTilt ${TT} x="0.5" y="0"/></Velocity><Timeout>PT0.2S</Timeout></ContinuousMove>`,
    ),
  ],
  ['ptz', 'Stop', tptz('<Stop><ProfileToken>Profile_1</ProfileToken><PanTilt>true</PanTilt><Zoom>true</Zoom></Stop>')],
  ['ptz', 'SetPreset', tptz('<SetPreset><ProfileToken>Profile_1</ProfileToken><PresetName>road</PresetName></SetPreset>')],
  ['ptz', 'GetPresets', tptz('<GetPresets><ProfileToken>Profile_1</ProfileToken></GetPresets>')],
  ['ptz', 'GotoPreset', tptz('<GotoPreset><ProfileToken>Profile_1</ProfileToken><PresetToken>1</PresetToken></GotoPreset>')],
  ['ptz', 'SetHomePosition', tptz('<SetHomePosition><ProfileToken>Profile_1</ProfileToken></SetHomePosition>')],
  ['ptz', 'GotoHomePosition', tptz('<GotoHomePosition><ProfileToken>Profile_1</ProfileToken></GotoHomePosition>')],
  ['ptz', 'RemovePreset', tptz('<RemovePreset><ProfileToken>Profile_1</ProfileToken><PresetToken>1</PresetToken></RemovePreset>')],
  ['ptz', 'GetServiceCapabilitiesPtz', tptz('<GetServiceCapabilities/>')],
  ['search', 'GetServiceCapabilitiesSearch', tse('<GetServiceCapabilities/>')],
  ['search', 'GetRecordingSummary', tse('<GetRecordingSummary/>')],
  [
    'search',
    'GetRecordingInformation',
    tse('<GetRecordingInformation><RecordingToken>Recording_1</RecordingToken></GetRecordingInformation>'),
  ],
  [
    'search',
    'FindRecordings',
    tse('<FindRecordings><Scope/><MaxMatches>10</MaxMatches><KeepAliveTime>PT10S</KeepAliveTime></FindRecordings>'),
  ],
  ['recording', 'GetServiceCapabilitiesRecording', trc('<GetServiceCapabilities/>')],
  ['recording', 'GetRecordings', trc('<GetRecordings/>')],
  ['replay', 'GetServiceCapabilitiesReplay', trp('<GetServiceCapabilities/>')],
  [
    'replay',
    'GetReplayUri',
    trp(
      `<GetReplayUri><StreamSetup><tt:Stream ${TT}>RTP-Unicast</tt:Stream><tt:Transport ${TT}><tt:Protocol>RTSP</tt:Protocol></tt:Transport></StreamSetup><RecordingToken>Recording_1</RecordingToken></GetReplayUri>`,
    ),
  ],
];

/** Requests that must fail, with the fault they must get. */
const FAULTS: [string, string, string, string][] = [
  ['media', 'BadProfile', trt('<GetProfile><ProfileToken>nope</ProfileToken></GetProfile>'), 'ter:NoProfile'],
  [
    'media',
    'BadEncoder',
    trt(
      `<SetVideoEncoderConfiguration><Configuration token="VideoEncoder_1"><tt:Name ${TT}>x</tt:Name><tt:UseCount ${TT}>1</tt:UseCount><tt:Encoding ${TT}>H264</tt:Encoding><tt:Resolution ${TT}><tt:Width>1000</tt:Width><tt:Height>1000</tt:Height></tt:Resolution><tt:Quality ${TT}>3</tt:Quality><tt:Multicast ${TT}><tt:Address><tt:Type>IPv4</tt:Type><tt:IPv4Address>0.0.0.0</tt:IPv4Address></tt:Address><tt:Port>0</tt:Port><tt:TTL>5</tt:TTL><tt:AutoStart>false</tt:AutoStart></tt:Multicast><tt:SessionTimeout ${TT}>PT60S</tt:SessionTimeout></Configuration><ForcePersistence>true</ForcePersistence></SetVideoEncoderConfiguration>`,
    ),
    'ter:ConfigModify',
  ],
  ['device', 'UnknownAction', tds('<GetAccessPolicy/>'), 'ter:ActionNotSupported'],
  ['ptz', 'BadPreset', tptz('<GotoPreset><ProfileToken>Profile_1</ProfileToken><PresetToken>99</PresetToken></GotoPreset>'), 'ter:NoToken'],
  ['ptz', 'WrongService', tds('<GetDeviceInformation/>'), 'ter:ActionNotSupported'],
  [
    'search',
    'NoRecording',
    tse('<GetRecordingInformation><RecordingToken>nope</RecordingToken></GetRecordingInformation>'),
    'ter:NoRecording',
  ],
  ['search', 'NoSearch', tse('<GetRecordingSearchResults><SearchToken>nope</SearchToken></GetRecordingSearchResults>'), 'ter:InvalidToken'],
];

describe('simulator replies validate against the official ONVIF schemas', () => {
  it('answers every implemented operation with a schema-valid envelope', async () => {
    const replies: Record<string, string> = {};
    for (const [service, name, body] of OPERATIONS) {
      const reply = await call(`${base()}/onvif/${service}_service`, body);
      expect(reply.status, `${name}: ${reply.body}`).toBe(200);
      expect(reply.headers['content-type']).toMatch(/^application\/soap\+xml/);
      replies[name] = reply.body;
    }
    expect(replies.GetProfilesAfterH265).toContain('VideoSourceConfiguration');
    // A search's results and its end, with the token FindRecordings gave.
    const token = /<tse:SearchToken>([^<]+)</.exec(replies.FindRecordings!)![1]!;
    for (const [name, body] of [
      [
        'GetRecordingSearchResults',
        tse(
          `<GetRecordingSearchResults><SearchToken>${token}</SearchToken><MaxResults>10</MaxResults><WaitTime>PT1S</WaitTime></GetRecordingSearchResults>`,
        ),
      ],
      ['EndSearch', tse(`<EndSearch><SearchToken>${token}</SearchToken></EndSearch>`)],
    ] as const) {
      const reply = await call(`${base()}/onvif/search_service`, body);
      expect(reply.status, `${name}: ${reply.body}`).toBe(200);
      replies[name] = reply.body;
    }
    expect(replies.GetRecordingSearchResults).toContain('<tt:RecordingStatus>Recording</tt:RecordingStatus>');
    const result = await validateEnvelopes(replies);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('answers bad requests with the fault a camera sends, also schema-valid', async () => {
    const replies: Record<string, string> = {};
    for (const [service, name, body, subcode] of FAULTS) {
      const reply = await call(`${base()}/onvif/${service}_service`, body);
      expect(reply.status, name).toBe(400);
      expect(reply.body, name).toContain(subcode);
      replies[name] = reply.body;
    }
    const unauthorised = await post(`${base()}/onvif/device_service`, envelope(tds('<GetDeviceInformation/>')));
    expect(unauthorised.status).toBe(401);
    replies.Unauthorised = unauthorised.body;
    const result = await validateEnvelopes(replies);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('the validator itself rejects an element out of schema order (a control for the checks above)', async () => {
    const reply = await call(`${base()}/onvif/device_service`, tds('<GetDeviceInformation/>'));
    const swapped = reply.body.replace(
      /<tds:Manufacturer>(.*?)<\/tds:Manufacturer><tds:Model>(.*?)<\/tds:Model>/,
      '<tds:Model>$2</tds:Model><tds:Manufacturer>$1</tds:Manufacturer>',
    );
    expect(swapped).not.toBe(reply.body);
    const result = await validateEnvelopes({ Swapped: swapped });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/Manufacturer|Model/);
  });

  it('reboots: offline for a moment, then back', async () => {
    const url = `http://${fleet.cameras[1]!.address}/onvif/device_service`;
    const reply = await call(url, tds('<SystemReboot/>'));
    expect(reply.status).toBe(200);
    await new Promise((r) => setTimeout(r, 120));
    await expect(call(url, tds('<GetDeviceInformation/>'))).rejects.toThrow(/ECONNREFUSED/);
    await new Promise((r) => setTimeout(r, 400));
    expect((await call(url, tds('<GetDeviceInformation/>'))).status).toBe(200);
    expect((await validateEnvelopes({ SystemReboot: reply.body })).ok).toBe(true);
  });
});

describe('each persona answers as its kind of device does, and stays schema-valid', () => {
  // lenient-namespaces is deliberately not schema-valid: its own check is that the validator says so.
  const block = reserveBlock();
  let personas: Fleet;
  beforeAll(async () => {
    personas = await startFleet({
      addressBase: block.address(1, 1),
      discovery: false,
      ptzSpeed: 50,
      cameras: PERSONA_NAMES.map((persona) => ({ persona })),
    });
  });
  afterAll(async () => {
    await personas.stop();
    block.release();
  });

  /** A call as a client of that device makes it: WS-Security, Digest on a Digest-only one, nothing on one without auth. */
  async function callAs(persona: PersonaName, url: string, body: string): Promise<RawReply> {
    if (persona === 'no-auth') return post(url, envelope(body));
    if (persona !== 'digest-md5-only') return call(url, body);
    const first = await post(url, envelope(body));
    if (first.status !== 401) return first;
    const challenge = challengesOf(first.rawHeaders)[0]!;
    const path = new URL(url).pathname;
    return post(url, envelope(body), { Authorization: answerChallenge(challenge, 'POST', path, 'admin', 'camfleet') });
  }

  for (const [i, persona] of PERSONA_NAMES.entries()) {
    it(`${persona}: every operation it answers, and the faults for those it does not`, async () => {
      const camera = personas.cameras[i]!;
      const replies: Record<string, string> = {};
      let answered = 0;
      for (const [service, name, body] of OPERATIONS) {
        if (name === 'SetNetworkInterfaces') continue; // it would move the camera off its address
        const reply = await callAs(
          persona,
          `http://${camera.address}/onvif/${service}_service`,
          body.replaceAll('127.0.10.1', camera.address),
        );
        expect([200, 400, 500], `${name}: ${reply.status} ${reply.body}`).toContain(reply.status);
        if (reply.status === 200) answered++;
        replies[name] = reply.body;
      }
      expect(answered).toBeGreaterThan(persona === 'minimal' ? 15 : 40);
      const result = await validateEnvelopes(replies);
      if (persona === 'lenient-namespaces') {
        expect(result.ok).toBe(false);
      } else {
        expect(result.output).toBe('');
        expect(result.ok).toBe(true);
      }
    }, 60_000);
  }
});
