import classes from "./SkipLink.module.css";

/** The first stop for keyboard users: straight past the header and menu to the page itself. */
export function SkipLink() {
  return (
    <a href="#main" className={classes.skipLink}>
      Skip to content
    </a>
  );
}
