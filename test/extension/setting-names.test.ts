import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RENAMED_SETTINGS, resolveSetting } from '../../extension/src/setting-names.ts';

const manifest = JSON.parse(readFileSync(new URL('../../extension/package.json', import.meta.url), 'utf8'));

describe('renamed settings', () => {
  it('the new name wins over the old in the same scope', () => {
    expect(resolveSetting({ workspaceValue: 'new' }, { workspaceValue: 'old' }, '')).toEqual({ value: 'new', from: 'current' });
  });

  it('an old name still set is honoured when the new one is not', () => {
    expect(resolveSetting({}, { globalValue: 'https://old' }, '')).toEqual({ value: 'https://old', from: 'legacy' });
    expect(resolveSetting(undefined, { workspaceFolderValue: 30 }, 15)).toEqual({ value: 30, from: 'legacy' });
  });

  it('the more specific scope decides, whichever name it uses', () => {
    expect(resolveSetting({ globalValue: 'user-new' }, { workspaceValue: 'ws-old' }, '')).toEqual({ value: 'ws-old', from: 'legacy' });
    expect(resolveSetting({ workspaceFolderValue: 'folder-new' }, { workspaceValue: 'ws-old' }, '')).toEqual({ value: 'folder-new', from: 'current' });
  });

  it('neither set: the default; an explicit empty string is a value, not absence', () => {
    expect(resolveSetting({}, {}, 'docs/design-reviews')).toEqual({ value: 'docs/design-reviews', from: 'default' });
    expect(resolveSetting({ workspaceValue: '' }, { workspaceValue: 'http://x' }, '')).toEqual({ value: '', from: 'current' });
  });

  it('the manifest declares every new name with a default and marks every old name deprecated', () => {
    const props = manifest.contributes.configuration.properties;
    for (const [now, before] of Object.entries(RENAMED_SETTINGS)) {
      expect(props[`statewise.${now}`]).toHaveProperty('default');
      expect(props[`statewise.${before}`].markdownDeprecationMessage).toContain(`statewise.${now}`);
      expect(props[`statewise.${before}`]).not.toHaveProperty('default');
      expect(props[`statewise.${now}`].type).toBe(props[`statewise.${before}`].type);
    }
  });

  it('activation only on statewise files and commands', () => {
    // onWebviewPanel: VS Code restores a statewise panel after a reload (the panel's serializer), also a statewise thing.
    for (const e of manifest.activationEvents as string[]) expect(e).toMatch(/^(onCommand:statewise\.|workspaceContains:\*\*\/\*\.statewise\.|onWebviewPanel:statewise\.)/);
  });
});
