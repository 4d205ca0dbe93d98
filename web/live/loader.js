// The site's explorers, fetched only when one nears the screen (issue #22): a page with an
// explorer carries this loader inline (tools/live_explorers.py, bundled by tools/build_js.py as
// the global `liveLoader`), not the explorers' bundle. Until the bundle comes, each explorer is
// its snapshot, which needs none of the explorers' styles.
//
// watch(bundle, stylesheet): when the first figure[data-live-explorer] comes within MARGIN of
// the screen, or at once when the page's link names one of its explorers (#explore-NAME...), the
// stylesheet is added and, once it has loaded (the live explorer is laid out with it), the
// bundle is imported; it makes every explorer of the page live (site.js). The bundle is fetched
// alongside the stylesheet (modulepreload), so waiting for one does not delay the other.

import {linkedQuery} from "./share.js";

/** How far beyond the screen an explorer starts loading: two screens' heights, so that it is live
    before a reader scrolling at a normal pace (or a keyboard user tabbing) reaches it. */
export const MARGIN = "200% 0px";

function added(rel, href) {
  const link = Object.assign(document.createElement("link"), {rel, href});
  const loaded = new Promise((resolve, reject) => {
    link.addEventListener("load", resolve);
    link.addEventListener("error", () => reject(new Error(`live explorer: cannot load ${href}`)));
  });
  document.head.append(link);
  return loaded;
}

export function watch(bundle, stylesheet, root = document) {
  const figures = [...root.querySelectorAll("figure[data-live-explorer]")];
  let started = false;
  const load = () => {
    if (started) return;
    started = true;
    observer?.disconnect();
    added("modulepreload", bundle).catch(() => {});  // import() below reports a failure
    added("stylesheet", stylesheet)
      .catch(error => console.error(error.message))  // unstyled beats no explorer
      .then(() => import(bundle))
      .catch(error => console.error("live explorer:", error));
  };
  const linked = figures.some(figure => linkedQuery(figure.dataset.liveExplorer) !== null);
  const observer = linked || !("IntersectionObserver" in window) ? null
    : new IntersectionObserver(entries => entries.some(entry => entry.isIntersecting) && load(),
                               {rootMargin: MARGIN});
  if (observer) figures.forEach(figure => observer.observe(figure));
  else if (figures.length) load();
}
