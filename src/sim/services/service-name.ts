/** The simulator's services, each at its own path (device_service, media_service…). */
export type ServiceName = 'device' | 'media' | 'media2' | 'ptz' | 'recording' | 'search' | 'replay' | 'events' | 'subscription';
