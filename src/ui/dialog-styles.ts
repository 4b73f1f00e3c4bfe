/**
 * Styles for the warning. Inside a closed shadow root the page's CSS cannot reach them;
 * `all: initial` on the host stops inherited page styles too.
 */
export const DIALOG_CSS = `
:host {
  all: initial !important;
  position: fixed !important;
  inset: 0 !important;
  z-index: 2147483647 !important;
  display: block !important;
  visibility: visible !important;
  opacity: 1 !important;
}
.backdrop {
  position: fixed; inset: 0; overflow: auto;
  /* The in-page backdrop is a manual popover (top layer); undo the UA's popover box so it
     still fills the viewport. Its display below also keeps it visible where popovers are
     unsupported, as a plain fixed element. */
  margin: 0; border: 0; padding: 0; width: auto; height: auto; max-width: none; max-height: none;
  background: #7f1d1d; color: #1f2937;
  display: flex; align-items: flex-start; justify-content: center;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
}
.dialog {
  box-sizing: border-box; margin: 5vh 16px; max-width: 720px; width: 100%;
  background: #fff; border-radius: 12px; padding: 28px 32px; box-shadow: 0 12px 40px rgba(0,0,0,.45);
}
h1 { font-size: 24px; line-height: 1.3; margin: 0 0 12px; color: #b91c1c; }
h2 { font-size: 17px; margin: 20px 0 8px; }
.lead { font-weight: 600; margin: 0 0 16px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 0; }
dt { font-weight: 600; color: #6b7280; }
dd { margin: 0; overflow-wrap: anywhere; }
.host { font-size: 20px; font-weight: 700; }
.ascii { font-size: 14px; font-weight: 400; color: #6b7280; }
.guidance { margin: 0; padding-left: 22px; }
.guidance li { margin: 4px 0; }
.buttons { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 24px; }
button { font: inherit; border-radius: 8px; padding: 10px 18px; cursor: pointer; border: 2px solid #b91c1c; background: #fff; color: #b91c1c; }
button.primary { background: #b91c1c; color: #fff; }
button.secondary { border-color: #9ca3af; color: #374151; }
button:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
button.link { border: none; padding: 0; color: #2563eb; text-decoration: underline; background: none; font-size: 14px; }
.confirm { margin-top: 20px; padding: 16px; border: 2px solid #f59e0b; border-radius: 8px; background: #fffbeb; }
.footer { margin: 20px 0 0; }
.help-links { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 16px; }
button.help { border-color: #1d4ed8; color: #1d4ed8; }
@media (prefers-color-scheme: dark) {
  .dialog { background: #111827; color: #f3f4f6; }
  dt, .ascii { color: #9ca3af; }
  button { background: #111827; }
  .confirm { background: #292524; }
  button.help { color: #93c5fd; border-color: #93c5fd; }
}
`;
