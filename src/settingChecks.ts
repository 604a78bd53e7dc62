import * as vscode from 'vscode';
import { isUnaddressableStream } from './api/events';
import { DEVICE_ID_MAX, deviceIdFault, type DeviceIdFault } from './provisioning';

// Settings the provisioning commands put into URLs and topics, checked before any question is asked, with a
// message that names the setting to change (the kit and the client would refuse them in words that do not).

/** The events stream (`mediumOne.events.stream`): one URL path segment, so not "." or "..", and no broken character. */
export function checkStream(stream: string): string {
  if (isUnaddressableStream(stream)) {
    throw new Error(vscode.l10n.t('The setting mediumOne.events.stream ("{0}") cannot be a stream name in a URL. Change it in Settings (most projects have a stream named "raw"), then try again.', stream));
  }
  return stream;
}

/** The MQTT topic's device id (`mediumOne.mqtt.deviceId`): one topic level. */
export function checkDeviceId(deviceId: string): void {
  const fault = deviceIdFault(deviceId);
  if (fault) {
    throw new Error(vscode.l10n.t('The setting mediumOne.mqtt.deviceId ("{0}") cannot be an MQTT device id: {1} Change it in Settings, then copy the snippet again.', deviceId, deviceIdFaultText(fault)));
  }
}

/** Why a device id cannot be one, in the editor's language (the kit gives a code). */
export function deviceIdFaultText(fault: DeviceIdFault): string {
  switch (fault) {
    case 'empty':
      return vscode.l10n.t('The device id is empty.');
    case 'reserved':
      return vscode.l10n.t('The device id must not contain \'/\', \'+\' or \'#\' (they have a meaning in MQTT topics).');
    case 'control':
      return vscode.l10n.t('The device id must not contain control characters (such as a line break or a tab).');
    case 'surrogate':
      return vscode.l10n.t('The device id holds a broken character (a lone UTF-16 surrogate).');
    case 'tooLong':
      return vscode.l10n.t('The device id is longer than {0} characters.', DEVICE_ID_MAX);
  }
}
