// A stand-in for the paho-mqtt package, so the paho snippet runs whole without a broker: it records what the
// snippet gave it (to the file named by PAHO_RECORD) and answers the connect with PAHO_CONNACK (0 = accepted).
// PAHO_STYLE picks the API: 1 = paho-mqtt 1.x (no CallbackAPIVersion, on_connect with four arguments), 2 = 2.x.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const CLIENT_PY = `
import json
import os

STYLE = int(os.environ.get("PAHO_STYLE", "2"))
CALLS = {"tls": False}

if STYLE == 2:
    class CallbackAPIVersion:
        VERSION1 = 1
        VERSION2 = 2


class _Message:
    def wait_for_publish(self, timeout=None):
        CALLS["publish_timeout"] = timeout

    def is_published(self):
        return True


class Client:
    def __init__(self, *args, client_id="", **kwargs):
        if STYLE == 1 and args:
            raise TypeError("paho 1.x takes client_id first")
        CALLS["api"] = args[0] if args else None
        CALLS["client_id"] = client_id
        self.on_connect = None

    def username_pw_set(self, username, password=None):
        CALLS["username"] = username
        CALLS["password"] = password

    def tls_set(self, *args, **kwargs):
        CALLS["tls"] = True

    def connect(self, host, port=1883, keepalive=60):
        CALLS["host"] = host
        CALLS["port"] = port

    def loop_start(self):
        code = int(os.environ.get("PAHO_CONNACK", "0"))
        if STYLE == 1:
            self.on_connect(self, None, {}, code)
        else:
            self.on_connect(self, None, {}, code, None)

    def publish(self, topic, payload=None, qos=0):
        CALLS["topic"] = topic
        CALLS["payload"] = payload
        CALLS["qos"] = qos
        return _Message()

    def disconnect(self):
        CALLS["disconnected"] = True

    def loop_stop(self):
        with open(os.environ["PAHO_RECORD"], "w", encoding="utf-8") as f:
            json.dump(CALLS, f)
`;

/** Writes the stub package under `dir` (put `dir` on PYTHONPATH). */
export function writePahoStub(dir: string): void {
  const pkg = path.join(dir, 'paho', 'mqtt');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(path.join(dir, 'paho', '__init__.py'), '');
  writeFileSync(path.join(pkg, '__init__.py'), '');
  writeFileSync(path.join(pkg, 'client.py'), CLIENT_PY);
}

/** What the snippet handed the stub. */
export interface PahoRecord {
  api: number | null;
  client_id: string;
  username: string;
  password: string;
  tls: boolean;
  host: string;
  port: number;
  topic: string;
  payload: string;
  qos: number;
  disconnected?: boolean;
}
