// A view that throws shows a sentence, not a blank panel or a stack trace.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { StateMessage } from './StateMessage';

export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Defuse: the panel failed to render', error, info.componentStack);
  }

  override render() {
    if (this.state.failed) {
      return (
        <StateMessage
          state="error"
          title="Something went wrong in the Defuse panel."
          detail="Close the panel and open it again. If it keeps happening, reload the tab."
        />
      );
    }
    return this.props.children;
  }
}
