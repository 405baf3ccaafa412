import type { ComponentChildren, JSX } from "preact";
import { navigate } from "../url.js";

/** An in-app link: a real `<a href>` (open in new tab works) that navigates without reloading on a plain click. */
export function Link(props: { href: string; children: ComponentChildren } & Omit<JSX.HTMLAttributes<HTMLAnchorElement>, "href">) {
  const { href, children, ...rest } = props;
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    const url = new URL(href, location.origin);
    navigate(url.pathname, Object.fromEntries(url.searchParams));
  };
  return <a href={href} onClick={onClick} {...rest}>{children}</a>;
}
