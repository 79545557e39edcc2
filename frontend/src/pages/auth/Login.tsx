// Placeholder: replaced by the page's implementation.
export function Login() {
  return <p>Login</p>;
}
