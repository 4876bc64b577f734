import { xmlEscape as x } from '../../xml/escape.js';

/** What a camera says of itself over UPnP: the fields of its device description document. */
export interface UpnpAdvert {
  /** `uuid:…`, the UDN: cameras derive it from the same identity as their WS-Discovery EndpointReference. */
  udn: string;
  /** Where the description document is served (the camera's own web server). */
  location: string;
  friendlyName: string;
  manufacturer: string;
  model: string;
  serialNumber: string;
}

/** The device type IP cameras commonly announce (Hikvision, Dahua and many OEMs use the basic device). */
export const UPNP_DEVICE_TYPE = 'urn:schemas-upnp-org:device:Basic:1';
export const DESCRIPTION_PATH = '/upnp/description.xml';

/** The UPnP Device Architecture 1.0 description document of a camera. */
export function descriptionDocument(a: UpnpAdvert): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<root xmlns="urn:schemas-upnp-org:device-1-0"><specVersion><major>1</major><minor>0</minor></specVersion>' +
    `<device><deviceType>${UPNP_DEVICE_TYPE}</deviceType><friendlyName>${x(a.friendlyName)}</friendlyName>` +
    `<manufacturer>${x(a.manufacturer)}</manufacturer><modelName>${x(a.model)}</modelName>` +
    `<serialNumber>${x(a.serialNumber)}</serialNumber><UDN>${x(a.udn)}</UDN></device></root>\n`
  );
}
