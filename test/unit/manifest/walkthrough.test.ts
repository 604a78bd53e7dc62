import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Cmd } from '../../../src/contributes';
import { shipsFile } from './vscodeignore';

const root = path.resolve(__dirname, '../../../..');
interface Step { id: string; title: string; description: string; media: { markdown?: string; image?: string; svg?: string }; completionEvents: string[] }
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { walkthroughs: { id: string; title: string; description: string; steps: Step[] }[] };
};
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const english = (value: string) => nls[/^%(.+)%$/.exec(value)?.[1] ?? ''];

const ships = (file: string) => shipsFile(root, file);

describe('Get started walkthrough', () => {
  const [walkthrough] = pkg.contributes.walkthroughs;

  it('walks through the Local Sandbox, your project, one user, then a CSV import, in that order', () => {
    assert.equal(pkg.contributes.walkthroughs.length, 1);
    assert.equal(english(walkthrough.title), 'Get started with Medium One API Users');
    assert.deepEqual(walkthrough.steps.map((s) => s.completionEvents), [
      [`onCommand:${Cmd.startSandbox}`], [`onCommand:${Cmd.addProject}`], [`onCommand:${Cmd.createUser}`], [`onCommand:${Cmd.importUsers}`],
    ]);
  });

  it("completes each step by a command the extension declares, and the step's button runs that command", () => {
    const commands = Object.values(Cmd) as string[];
    for (const step of walkthrough.steps) {
      for (const event of step.completionEvents) {
        const command = /^onCommand:(.+)$/.exec(event)?.[1];
        assert.ok(command && commands.includes(command), `${step.id}: ${event} names no command of the extension`);
        assert.ok(english(step.description).includes(`](command:${command})`), `${step.id}: its description has a button for ${command}`);
      }
    }
  });

  it('has its title and every step title and description in package.nls.json', () => {
    for (const value of [walkthrough.title, walkthrough.description, ...walkthrough.steps.flatMap((s) => [s.title, s.description])]) {
      assert.match(value, /^%.+%$/);
      assert.ok(english(value), `package.nls.json lacks ${value}`);
    }
  });

  it('ships every media file, and every picture a step shows, which exist', () => {
    for (const step of walkthrough.steps) {
      const files = Object.values(step.media).filter((f): f is string => typeof f === 'string');
      assert.equal(files.length, 1, `${step.id} has one medium`);
      for (const file of files) {
        assert.ok(fs.existsSync(path.join(root, file)), `${file} exists`);
        assert.ok(ships(file), `.vscodeignore ships ${file}`);
        if (!file.endsWith('.md')) continue;
        const pictures = [...fs.readFileSync(path.join(root, file), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => path.posix.join(path.posix.dirname(file), m[1]));
        for (const picture of pictures) {
          assert.ok(fs.existsSync(path.join(root, picture)), `${file} shows ${picture}, which exists`);
          assert.ok(ships(picture), `.vscodeignore ships ${picture} (${file} shows it)`);
        }
      }
    }
  });
});
