"""An independent ONVIF client for the tests: python3-zeep (Debian) over the official WSDLs in ../shared.

Usage: zeep-client.py SCHEMAS_DIR HOST[:PORT] USER PASSWORD
Prints one JSON object: what each call returned, or the error it raised. zeep parses every reply
against the WSDL's schema (strict mode), so a reply it cannot read is an error here.
Nothing is fetched from the web: the schemas' remote imports are mapped to local copies through
the catalog, and any other remote address is refused.
"""
import json
import os
import sys
import xml.etree.ElementTree as ET

from zeep import Client, Settings
from zeep.transports import Transport
from zeep.wsse.username import UsernameToken

schemas, host, user, password = sys.argv[1:5]


class LocalOnlyTransport(Transport):
    """Loads schema documents from disk; the web addresses the schemas import come from catalog.xml."""

    def __init__(self):
        super().__init__(timeout=5, operation_timeout=5)
        catalog = ET.parse(os.path.join(schemas, 'catalog.xml')).getroot()
        self.mapped = {e.get('name'): os.path.join(schemas, e.get('uri')) for e in catalog}

    def load(self, url):
        for name in (url, url.replace('https://', 'http://', 1)):
            if name in self.mapped:
                url = self.mapped[name]
                break
        if url.startswith('http://') or url.startswith('https://'):
            # A relative import inside a mapped document resolves against its web address.
            local = os.path.join(schemas, 'ext', url.rsplit('/', 1)[-1])
            if os.path.isfile(local):
                url = local
        if url.startswith('http://') or url.startswith('https://'):
            raise RuntimeError(f'refusing to fetch {url}: the tests never touch the web')
        with open(url.removeprefix('file://'), 'rb') as f:
            return f.read()


transport = LocalOnlyTransport()
settings = Settings(strict=True)
token = lambda: UsernameToken(user, password, use_digest=True)  # noqa: E731
base = f'http://{host}'
wsdl = lambda rel: os.path.join(schemas, 'onvif', rel)  # noqa: E731


def service(wsdl_path, binding, path):
    client = Client(wsdl(wsdl_path), transport=transport, settings=settings, wsse=token())
    return client.create_service(binding, f'{base}{path}')


results = {}


def run(name, call):
    try:
        results[name] = {'ok': True, 'value': call()}
    except Exception as err:  # noqa: BLE001 - every failure is reported, the test decides
        results[name] = {'ok': False, 'error': f'{type(err).__name__}: {err}'}


device = service('ver10/device/wsdl/devicemgmt.wsdl', '{http://www.onvif.org/ver10/device/wsdl}DeviceBinding', '/onvif/device_service')
run('GetDeviceInformation', lambda: dict(device.GetDeviceInformation().__values__))
run('GetSystemDateAndTime', lambda: device.GetSystemDateAndTime().DateTimeType)
run('GetServices', lambda: [s.Namespace for s in device.GetServices(IncludeCapability=False)])
run('GetCapabilities', lambda: device.GetCapabilities(Category='All').Media.XAddr)
run('GetScopes', lambda: [s.ScopeItem for s in device.GetScopes()])
run('GetNetworkInterfaces', lambda: [i.Info.HwAddress for i in device.GetNetworkInterfaces()])

media = service('ver10/media/wsdl/media.wsdl', '{http://www.onvif.org/ver10/media/wsdl}MediaBinding', '/onvif/media_service')
run('Media.GetProfiles', lambda: [p.token for p in media.GetProfiles()])
stream_setup = {'Stream': 'RTP-Unicast', 'Transport': {'Protocol': 'RTSP'}}
run('Media.GetStreamUri', lambda: media.GetStreamUri(StreamSetup=stream_setup, ProfileToken='Profile_1').Uri)
run('Media.GetSnapshotUri', lambda: media.GetSnapshotUri(ProfileToken='Profile_1').Uri)
run('Media.GetVideoEncoderConfigurations', lambda: [c.Encoding for c in media.GetVideoEncoderConfigurations()])

media2 = service('ver20/media/wsdl/media.wsdl', '{http://www.onvif.org/ver20/media/wsdl}Media2Binding', '/onvif/media2_service')
run('Media2.GetProfiles', lambda: [p.token for p in media2.GetProfiles(Type=['All'])])
run('Media2.GetStreamUri', lambda: media2.GetStreamUri(Protocol='RtspUnicast', ProfileToken='Profile_1'))

ptz = service('ver20/ptz/wsdl/ptz.wsdl', '{http://www.onvif.org/ver20/ptz/wsdl}PTZBinding', '/onvif/ptz_service')
run('PTZ.GetNodes', lambda: [n.token for n in ptz.GetNodes()])
run('PTZ.AbsoluteMove', lambda: ptz.AbsoluteMove(ProfileToken='Profile_1', Position={'PanTilt': {'x': 0.25, 'y': -0.1}, 'Zoom': {'x': 0.2}}) and None)
run('PTZ.SetPreset', lambda: ptz.SetPreset(ProfileToken='Profile_1', PresetName='zeep-road'))
run('PTZ.GetPresets', lambda: [p.Name for p in ptz.GetPresets(ProfileToken='Profile_1')])
run('PTZ.GetStatus', lambda: ptz.GetStatus(ProfileToken='Profile_1').MoveStatus.PanTilt)

print(json.dumps(results, default=str))
