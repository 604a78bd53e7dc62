import * as assert from 'node:assert/strict';
import { DATA_PREVIEW, dataText, eventRows, formatTime, newestTime, relativeTime } from '../../../src/webviews/host/eventRows';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const ago = (ms: number) => NOW - ms;
const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const DAY = 24 * H;

describe('Recent Events: how the page shows events', () => {
  describe('relative "last seen" text', () => {
    it('says how long ago in the largest unit that fits', () => {
      assert.equal(relativeTime(NOW, NOW, 'en'), 'now');
      assert.equal(relativeTime(ago(12 * S), NOW, 'en'), '12 seconds ago');
      assert.equal(relativeTime(ago(5 * MIN), NOW, 'en'), '5 minutes ago');
      assert.equal(relativeTime(ago(3 * H), NOW, 'en'), '3 hours ago');
      assert.equal(relativeTime(ago(DAY), NOW, 'en'), 'yesterday');
      assert.equal(relativeTime(ago(9 * DAY), NOW, 'en'), '9 days ago');
      assert.equal(relativeTime(ago(65 * DAY), NOW, 'en'), '2 months ago');
      assert.equal(relativeTime(ago(800 * DAY), NOW, 'en'), '2 years ago');
    });

    it('rounds before choosing the unit (59.6 seconds is a minute, not "60 seconds")', () => {
      assert.equal(relativeTime(ago(59.6 * S), NOW, 'en'), '1 minute ago');
      assert.equal(relativeTime(ago(59 * MIN + 50 * S), NOW, 'en'), '1 hour ago');
    });

    it('says "in …" for a device clock ahead of ours, and speaks the editor\'s language', () => {
      assert.equal(relativeTime(NOW + 2 * H, NOW, 'en'), 'in 2 hours');
      assert.equal(relativeTime(ago(5 * MIN), NOW, 'ja'), '5 分前');
      // A language tag Intl does not take falls back to English instead of failing the section.
      assert.equal(relativeTime(ago(5 * MIN), NOW, 'not a tag!'), '5 minutes ago');
    });
  });

  describe('times', () => {
    it('formats a server time for the reader and keeps one that does not parse as sent', () => {
      const text = formatTime('2026-11-29T11:55:00Z', 'en');
      assert.match(text, /2026/);
      assert.match(text, /\d{1,2}:\d{2}:\d{2}/);
      assert.equal(formatTime('yesterday-ish', 'en'), 'yesterday-ish');
    });

    it('"last seen" is the newest time of any event, not the first row\'s', () => {
      const events = [
        { data: {}, observedAt: '2026-11-29T10:00:00Z' },
        { data: {}, observedAt: '2026-11-29T11:00:00+01:00' }, // 10:00Z: older than the next
        { data: {}, receivedAt: '2026-11-29T11:30:00Z' }, // no observed time: its received time counts
        { data: {}, observedAt: 'garbage' },
      ];
      assert.equal(newestTime(events), '2026-11-29T11:30:00Z');
      assert.equal(newestTime([]), undefined);
      assert.equal(newestTime([{ data: 1 }]), undefined);
    });
  });

  describe('data', () => {
    it('shows small data whole, as indented JSON', () => {
      assert.deepEqual(dataText({ temp: 21.5, on: true }), { data: '{\n  "temp": 21.5,\n  "on": true\n}' });
      assert.deepEqual(dataText('text'), { data: '"text"' });
      assert.deepEqual(dataText(null), { data: 'null' });
      assert.deepEqual(dataText(undefined), { data: '' });
    });

    it('cuts long or tall data to a preview ending in "…" and keeps the whole text', () => {
      const long = { blob: 'x'.repeat(2000) };
      const cut = dataText(long);
      assert.equal(cut.full, JSON.stringify(long, null, 2));
      assert.ok(cut.data.endsWith('…'));
      assert.ok(cut.data.length <= DATA_PREVIEW.chars + 1);
      const tall = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i]));
      const preview = dataText(tall);
      assert.equal(preview.data.split('\n').length, DATA_PREVIEW.lines);
      assert.equal(preview.full, JSON.stringify(tall, null, 2));
    });

    it('builds a row per event with both times when given and each time\'s server text for its tooltip', () => {
      const [row, bare] = eventRows([
        { data: { a: 1 }, observedAt: '2026-11-29T11:55:00Z', receivedAt: '2026-11-29T11:55:02Z' },
        { data: { b: 2 } },
      ], 'en');
      assert.equal(row.observedIso, '2026-11-29T11:55:00Z');
      assert.equal(row.receivedIso, '2026-11-29T11:55:02Z');
      assert.match(row.observed, /2026/);
      assert.match(row.received ?? '', /2026/);
      assert.equal(row.data, '{\n  "a": 1\n}');
      assert.equal(row.full, undefined);
      assert.equal(bare.observed, '');
      assert.equal(bare.received, undefined);
    });
  });
});
