// IPC channel names shared by the preload and the main process.

export const CALL_CHANNEL = 'inweights:call';
export const EVENT_CHANNEL = 'inweights:event';
