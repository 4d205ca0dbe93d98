"""The sidebar buttons in each page's header (site_theme/templates/sections/header.html): on a
phone they open the chapters' list and the page's contents as dialogs; on a wide screen the left
one hides and shows the chapters' list. Before, the buttons a reader saw did nothing
(pydata-sphinx-theme issue #2451), so each check here failed on the theme's own header."""

import contextlib
from urllib.parse import urljoin

import pytest

from tests.test_site_in_browser import (  # noqa: F401  (browser, site_url: fixtures)
    PAGES, browser, recorded_tab, settle, site_url,
)

pytestmark = pytest.mark.build

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 900}
CHAPTER = "book/05_training.html"
IS_OPEN = "document.querySelector('#pst-{}-sidebar-modal').open"
SIDEBAR_SHOWN = (
    "document.querySelector('#pst-primary-sidebar').checkVisibility({visibilityProperty: true})")


@contextlib.contextmanager
def opened(browser, site_url, viewport, name=CHAPTER):
    """A recording tab (test_site_in_browser.recorded_tab) at ``viewport`` on ``name``, loaded,
    and the list of its console errors."""
    with recorded_tab(browser) as (page, visit):
        page.set_viewport_size(viewport)
        page.goto(urljoin(site_url, name))
        settle(page)
        yield page, visit.console_errors


def visible_button(page, kind: str):
    """The one button of ``kind`` (primary, secondary) a reader can see."""
    buttons = page.locator(f"button.{kind}-toggle")
    shown = [buttons.nth(i) for i in range(buttons.count()) if buttons.nth(i).is_visible()]
    assert len(shown) == 1, f"{len(shown)} visible {kind} sidebar buttons"
    return shown[0]


@pytest.mark.parametrize("name", PAGES)
def test_each_page_has_one_button_per_sidebar(built_site, name):
    """The theme's scripts bind the first of each: a second, hidden one is the bug."""
    html = (built_site / name).read_text(encoding="utf-8")
    assert html.count("primary-toggle") == 1
    assert html.count("secondary-toggle") <= 1


def test_on_a_phone_the_left_button_opens_the_chapters_and_escape_closes_them(browser, site_url):
    with opened(browser, site_url, PHONE) as (page, errors):
        button = visible_button(page, "primary")
        button.click()
        page.wait_for_function(IS_OPEN.format("primary"))
        link = page.locator("#pst-primary-sidebar-modal").get_by_role("link", name="The dataset")
        assert link.is_visible()
        page.keyboard.press("Escape")
        page.wait_for_function("!" + IS_OPEN.format("primary"))
        assert not link.is_visible()
        assert page.evaluate("document.activeElement.classList.contains('primary-toggle')")
        button.click()  # again: the list went back to the sidebar, and comes out once more
        page.wait_for_function(IS_OPEN.format("primary"))
        link.click()
        page.wait_for_url("**/book/02_dataset.html")
        assert not errors


def test_on_a_phone_the_right_button_opens_the_pages_contents(browser, site_url):
    with opened(browser, site_url, PHONE) as (page, errors):
        visible_button(page, "secondary").click()
        page.wait_for_function(IS_OPEN.format("secondary"))
        toc = page.locator("#pst-secondary-sidebar-modal #pst-page-toc-nav")
        assert toc.is_visible()
        assert toc.get_by_role("link").count() >= 3
        page.keyboard.press("Escape")
        page.wait_for_function("!" + IS_OPEN.format("secondary"))
        assert not errors


def test_on_a_wide_screen_the_left_button_hides_and_shows_the_chapters(browser, site_url):
    with opened(browser, site_url, WIDE) as (page, errors):
        assert page.evaluate(SIDEBAR_SHOWN)
        button = visible_button(page, "primary")
        button.click()
        page.wait_for_function("!" + SIDEBAR_SHOWN)
        assert not page.evaluate(IS_OPEN.format("primary"))
        button.click()
        page.wait_for_function(SIDEBAR_SHOWN)
        assert not errors
