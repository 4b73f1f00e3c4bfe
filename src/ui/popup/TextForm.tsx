import { useId, useState } from 'preact/hooks';
import { errorText } from './error-text';

interface TextFormProps {
  title: string;
  label: string;
  button: string;
  inputMode: 'url' | 'text';
  placeholder: string;
  /** Resolves to a success message; throws to show an error. */
  onSubmit: (value: string) => Promise<string>;
}

/** One labelled text box and its button (subscribe to a list, block a site). */
export function TextForm({ title, label, button, inputMode, placeholder, onSubmit }: TextFormProps) {
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  // Unique per form whatever the label's script (a label-derived id collided in Chinese).
  const id = useId();
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ text: await onSubmit(value), error: false });
      setValue('');
    } catch (error) {
      setMessage({ text: errorText(error), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <form onSubmit={submit} class="row">
        <label for={id} class="visually-hidden">
          {label}
        </label>
        <input
          id={id}
          type="text"
          inputMode={inputMode}
          spellcheck={false}
          autoComplete="off"
          value={value}
          placeholder={placeholder}
          required
          onInput={(e) => setValue((e.target as HTMLInputElement).value)}
        />
        <button type="submit" disabled={busy}>
          {button}
        </button>
      </form>
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'ok'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
