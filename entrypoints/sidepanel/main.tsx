import { createRoot } from 'react-dom/client';

function Placeholder() {
  return (
    <main>
      <h1>Defuse</h1>
      <p>Open a Gmail thread or a Zendesk ticket to see its analysis.</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<Placeholder />);
