// Every workbench selector, aria label, built-in command title and key the e2e regions use, for VS Code 1.100.3
// (code-server 4.100.3). They change between VS Code versions: a version bump should touch this file only.
// The regions (quickInput.mjs, tree.mjs, …) hold the behaviour; scenarios hold neither selectors nor keys.
// Only the workbench root (`.monaco-workbench`) is shared with scripts/editor/browser.mjs, which the ext-host runner uses.
import { WORKBENCH_ROOT } from '../../../scripts/editor/browser.mjs';

/** Escapes a value for a CSS attribute or :text-is() string. */
export const css = (s) => s.replace(/["\\]/g, '\\$&');
/** A label matched whole (surrounding white space aside), never as a prefix of a longer one. */
export const exactText = (text) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

export const workbench = {
  root: WORKBENCH_ROOT,
  /** The root's class per theme kind. */
  themeClass: { light: 'vs', dark: 'vs-dark', hc: 'hc-black' },
  /** Hovers: tooltips of rows and actions (the workbench's hover service). */
  hover: '.workbench-hover',
};

export const keys = {
  /** Opens the command palette whatever has the focus. */
  palette: 'F1',
  accept: 'Enter',
  dismiss: 'Escape',
  addToSelection: 'Control',
  extendSelection: 'Shift',
};

/** Built-in commands a region runs from the palette, by their titles. */
export const builtInCommands = {
  clearNotifications: 'Notifications: Clear All Notifications',
};

/** The palette and every quick input (quick picks, input boxes, the simple file dialog). */
export const quickInput = {
  widget: '.quick-input-widget',
  box: '.quick-input-widget .quick-input-box input',
  rows: '.quick-input-widget .quick-input-list .monaco-list-row',
  rowLabel: '.quick-input-list-label .label-name',
  message: '.quick-input-widget .quick-input-message',
  title: '.quick-input-widget .quick-input-title',
  /** What the box starts with to list commands. */
  commandPrefix: '>',
};

/** Notification toasts (headless Chromium never auto-hides them) and the notification center. */
export const notifications = {
  toast: '.notifications-toasts .notification-list-item',
  message: '.notification-list-item-message',
  centerItem: '.notifications-center .notification-list-item',
};

export const sideBar = {
  activityBar: '.part.activitybar',
  activityBarItem: (label) => `.part.activitybar .action-item[role="tab"]:has(.action-label[aria-label^="${css(label)}"])`,
  /** The activity bar entry's attribute that says its container is showing. */
  activityBarItemShowing: 'aria-selected',
  part: '.part.sidebar',
  title: '.part.sidebar .composite.title h2',
  busy: '.part.sidebar .monaco-progress-container.active',
  view: (title) => `.part.sidebar .pane:has(.pane-header[aria-label^="${css(title)}"])`,
  viewHeader: '.pane-header',
  viewHeaderExpanded: 'aria-expanded',
  viewBody: '.pane-body',
  viewTitleAction: (label) => `.pane-header .actions .action-label[aria-label^="${css(label)}"]`,
  // A container with a single view merges the view's header (and its actions) into the side bar title.
  titleAction: (label) => `.part.sidebar .composite.title .action-label[aria-label^="${css(label)}"]`,
  // TreeView.description: in the pane header, which VS Code hides when the view is alone in its container.
  viewDescription: '.pane-header .description',
  // TreeView.message: above the rows, shown even when the header is merged into the side bar title.
  viewMessage: '.tree-explorer-viewlet-tree-view > .message',
  welcomeContent: '.welcome-view-content',
};

export const tree = {
  row: '.monaco-list-row[role="treeitem"]',
  rowRole: 'treeitem',
  label: '.label-name',
  description: '.label-description',
  twistie: '.monaco-tl-twistie',
  selected: '.selected',
  /** Row classes: the selection, and the focus VS Code gives the right-clicked row. */
  selectedClass: /\bselected\b/,
  focusedClass: /\bfocused\b/,
  expandedAttribute: 'aria-expanded',
  /** The row's accessible name (the extension sets "<label>, <state>" for user rows). */
  nameAttribute: 'aria-label',
  levelAttribute: 'aria-level',
  inlineAction: (label) => `.actions .action-label[aria-label^="${css(label)}"]`,
};

/** Context menus (rendered in an open shadow root: Playwright locators pierce it). */
export const contextMenu = {
  menu: '.context-view .monaco-menu',
  itemRole: 'menuitem',
  itemLabel: '.action-label',
};

/** Modal dialogs (showWarningMessage with modal: true). */
export const modalDialog = {
  box: '.monaco-dialog-box',
  message: '.dialog-message-text',
  detail: '.dialog-message-detail',
  button: '.dialog-buttons .monaco-button',
};

/** Webviews: an outer iframe per panel, whose inner #active-frame holds the extension's document. */
export const webview = {
  frame: (extensionId) => `iframe.webview.ready[src*="extensionId=${css(extensionId)}"]`,
  innerFrame: '#active-frame',
};

// The extension's webview pages (inside webview.innerFrame); the ids are the product's, in its page scripts.
const fieldError = (id) => `#${id}-error.field-error`;

export const createUserForm = {
  loginId: '#loginId',
  password: '#password',
  confirm: '#confirm',
  generate: '#generate',
  toggleShow: '#toggleShow',
  submit: '#submit',
  cancel: '#cancel',
  strength: '#strength-text',
  fieldError,
  anyFieldError: '.field-error',
  formError: '#formError',
  // The created state (after a submit): the password shown this once, with Copy and Save Credentials File.
  created: '#created',
  createdSummary: '#createdSummary',
  createdPassword: '#createdPassword',
  copyPassword: '#copyPassword',
  saveCredentials: '#saveCredentials',
  copyStatus: '#copyStatus',
};

export const editProjectForm = {
  page: 'body',
  name: '#name',
  loginId: '#loginId',
  password: '#password',
  apiKey: '#apiKey',
  submit: '#submit',
  saveAnyway: '#saveAnyway',
  cancel: '#cancel',
  fieldError,
  formError: '#formError',
};

export const userDetails = {
  title: 'header h1',
  summary: '#summary',
  fields: '#fields',
  fieldRow: (key) => `#fields tr:has(th:text-is("${css(key)}"))`,
  fieldValue: 'td',
  userData: '#userData',
  actions: '#actions button',
  action: (name) => `#actions button[data-action="${css(name)}"]`,
  formError: '#formError',
  // "Connect a device": the MQTT facts, a Copy button per snippet format, Send Test Event.
  connection: '#connection',
  snippet: (format) => `#snippets button[data-format="${css(format)}"]`,
  sendTestEvent: '#sendTestEvent',
  // "Recent events": Show/Refresh, then the table (newest first), "last seen", or the empty / error text.
  recentEvents: '#recentEvents',
  loadEvents: '#loadEvents',
  eventRows: '#eventsTable tbody tr',
  lastSeen: '#lastSeen',
  eventsEmpty: '#eventsEmpty',
  eventsError: '#eventsError',
};

export const editors = {
  tab: (title) => `.tabs-container .tab[aria-label^="${css(title)}"]`,
  activeEditorLines: '.editor-group-container.active .monaco-editor .view-lines',
  // the panel (Output, Problems…): the Output view's text is an editor inside it
  panelEditorLines: '.part.panel .monaco-editor .view-lines',
  statusBarItem: (label) => `.part.statusbar .statusbar-item:has([aria-label*="${css(label)}"])`,
};

/** Show Activity (the activity page, src/webviews/pages/activity.ts): its filters, exports and history table. */
export const activityView = {
  project: '#project',
  user: '#user',
  action: '#action',
  outcome: '#outcome',
  exportCsv: '#exportCsv',
  exportJson: '#exportJson',
  summary: '#summary',
  empty: '#empty',
  formError: '#formError',
  rows: '#activityTable tbody tr',
  cell: 'td',
  button: 'button',
};
/** The history table's columns, in order. */
export const activityColumns = ['time', 'project', 'loginId', 'action', 'outcome', 'reason', 'undo'];

/** Workspace trust: the Manage Workspace Trust editor (Restricted Mode) and the command that opens it. */
export const workspaceTrust = {
  manageCommand: 'Workspaces: Manage Workspace Trust',
  editor: '.workspace-trust-editor',
  trustButton: /^Trust( Folder)?$/,
  /** The status bar entry a window in Restricted Mode shows. */
  restrictedStatus: 'Restricted Mode',
};
