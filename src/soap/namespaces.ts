/** XML namespaces of the protocols camfleet and its simulator speak. */
export const NS = {
  soap: 'http://www.w3.org/2003/05/soap-envelope',
  soap11: 'http://schemas.xmlsoap.org/soap/envelope/',
  wsa: 'http://schemas.xmlsoap.org/ws/2004/08/addressing',
  wsa10: 'http://www.w3.org/2005/08/addressing',
  wsd: 'http://schemas.xmlsoap.org/ws/2005/04/discovery',
  wsse: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
  wsu: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
  tt: 'http://www.onvif.org/ver10/schema',
  ter: 'http://www.onvif.org/ver10/error',
  tds: 'http://www.onvif.org/ver10/device/wsdl',
  trt: 'http://www.onvif.org/ver10/media/wsdl',
  tr2: 'http://www.onvif.org/ver20/media/wsdl',
  tptz: 'http://www.onvif.org/ver20/ptz/wsdl',
  tev: 'http://www.onvif.org/ver10/events/wsdl',
  trc: 'http://www.onvif.org/ver10/recording/wsdl',
  tse: 'http://www.onvif.org/ver10/search/wsdl',
  trp: 'http://www.onvif.org/ver10/replay/wsdl',
  wsnt: 'http://docs.oasis-open.org/wsn/b-2',
  wstop: 'http://docs.oasis-open.org/wsn/t-1',
  tns1: 'http://www.onvif.org/ver10/topics',
  dn: 'http://www.onvif.org/ver10/network/wsdl',
  xsd: 'http://www.w3.org/2001/XMLSchema',
} as const;

/** Attributes for SOAP bodies: an ONVIF service namespace as the default, and the tt: schema prefix. */
export const xmlnsDefault = (namespace: string): string => `xmlns="${namespace}"`;
export const XMLNS_TT = `xmlns:tt="${NS.tt}"`;

/** WS-Security token type and encoding URIs (UsernameToken profile 1.0). */
export const WSSE = {
  passwordDigest: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest',
  passwordText: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText',
  base64: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary',
} as const;

/** WS-Discovery (2005/04, as ONVIF uses it) constants. */
export const WSD = {
  multicastAddress: '239.255.255.250',
  port: 3702,
  to: 'urn:schemas-xmlsoap-org:ws:2005:04:discovery',
  anonymous: 'http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous',
  probe: 'http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe',
  probeMatches: 'http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches',
  hello: 'http://schemas.xmlsoap.org/ws/2005/04/discovery/Hello',
  bye: 'http://schemas.xmlsoap.org/ws/2005/04/discovery/Bye',
  rfc3986: 'http://schemas.xmlsoap.org/ws/2005/04/discovery/rfc3986',
  strcmp0: 'http://schemas.xmlsoap.org/ws/2005/04/discovery/strcmp0',
} as const;

/** Generic PTZ coordinate spaces (ONVIF PTZ service spec). */
export const PTZ_SPACES = {
  absolutePanTilt: 'http://www.onvif.org/ver10/tptz/PanTiltSpaces/PositionGenericSpace',
  absoluteZoom: 'http://www.onvif.org/ver10/tptz/ZoomSpaces/PositionGenericSpace',
  relativePanTilt: 'http://www.onvif.org/ver10/tptz/PanTiltSpaces/TranslationGenericSpace',
  relativeZoom: 'http://www.onvif.org/ver10/tptz/ZoomSpaces/TranslationGenericSpace',
  continuousPanTilt: 'http://www.onvif.org/ver10/tptz/PanTiltSpaces/VelocityGenericSpace',
  continuousZoom: 'http://www.onvif.org/ver10/tptz/ZoomSpaces/VelocityGenericSpace',
  panTiltSpeed: 'http://www.onvif.org/ver10/tptz/PanTiltSpaces/GenericSpeedSpace',
  zoomSpeed: 'http://www.onvif.org/ver10/tptz/ZoomSpaces/ZoomGenericSpeedSpace',
} as const;
