// Placeholder: replaced by the page's implementation.
export function Register() {
  return <p>Register</p>;
}
