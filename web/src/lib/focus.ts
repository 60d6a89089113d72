// Moves keyboard focus to an element when it appears (a result message, an error summary), so a
// keyboard or screen-reader user lands where the outcome of their action is.
export function focusOnMount(node: HTMLElement): void {
  node.focus();
}
