import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { Project } from '../../projects/project';

/**
 * The project's MQTT id (the first part of every device's MQTT username and topic). A project added before it was
 * known has none: it is asked for once, and the user may save it to the project so it is never asked again.
 */
export async function projectMqttId(s: Services, project: Project): Promise<string> {
  const current = s.projects.get(project.id) ?? project;
  if (current.mqttId) return current.mqttId;
  const typed = await s.prompts.input({
    title: vscode.l10n.t('MQTT id of {0}', current.name),
    prompt: vscode.l10n.t('The project\'s MQTT id: the first part of every device\'s MQTT username. Find it on the project\'s MQTT page in the Medium One workbench.'),
    placeHolder: 'c2FuZGJveDAx',
    ignoreFocusOut: true,
    validateInput: (value) => mqttIdProblem(value.trim()),
  });
  const id = typed?.trim();
  if (!id) throw new vscode.CancellationError();
  const save = vscode.l10n.t('Save It to "{0}"', current.name);
  const once = vscode.l10n.t('Use It This Time Only');
  const choice = await s.prompts.pick([{ label: save }, { label: once }], {
    title: vscode.l10n.t('MQTT id {0}', id),
    placeHolder: vscode.l10n.t('Keep the MQTT id with the project? It is not a secret.'),
    ignoreFocusOut: true,
  });
  if (!choice) throw new vscode.CancellationError();
  if (choice.label === save) {
    await s.projects.save({ ...current, mqttId: id });
    s.log.info(`Saved the MQTT id of ${current.name}`);
  }
  return id;
}

/**
 * An MQTT id is one level of the topic and part of the username (`<project>/<user>`): no separator, wildcard, space
 * or control character. Medium One's ids are short base64-like strings; 64 characters is a generous bound.
 */
export function mqttIdProblem(value: string): string | undefined {
  if (value === '') return vscode.l10n.t('Enter the project\'s MQTT id.');
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (!/^[^\s/+#\u0000-\u001f\u007f]{1,64}$/u.test(value)) {
    return vscode.l10n.t('An MQTT id is at most 64 characters, with no spaces and no \'/\', \'+\' or \'#\'.');
  }
  return undefined;
}
