"""Shows a letter's HTML part as a mail app would, in headless Chromium: its images from the
letter itself (by Content-ID), nothing from the network; checks the logo shows; saves a
screenshot.  Usage: letter_shot.py LETTER.eml OUT.png"""
import base64
import email
import email.policy
import os
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def browser():
    options = webdriver.ChromeOptions()
    for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--window-size=760,900", "--disable-gpu", "--hide-scrollbars"]:
        options.add_argument(arg)
    for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]:
        if os.path.exists(path):
            options.binary_location = path
            break
    driver = "/usr/bin/chromedriver"
    service = Service(driver) if os.path.exists(driver) else Service()
    return webdriver.Chrome(service=service, options=options)


def main(eml, out):
    msg = email.message_from_bytes(open(eml, "rb").read(), policy=email.policy.default)
    html = msg.get_body(("html",)).get_content()
    for part in msg.walk():
        cid = part.get("Content-ID")
        if cid:
            data = base64.b64encode(part.get_content()).decode()
            html = html.replace(f"cid:{cid.strip('<>')}", f"data:{part.get_content_type()};base64,{data}")
    assert "cid:" not in html, "an image the letter does not carry"
    page = os.path.join(tempfile.mkdtemp(), "letter.html")
    open(page, "w", encoding="utf-8").write(html)
    b = browser()
    try:
        b.get("file://" + page)
        shown = b.execute_script(
            "return [...document.images].map(i => i.complete && i.naturalWidth > 0)")
        assert shown and all(shown), f"the logo does not show: {shown}"
        fetched = b.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)"
            ".filter(n => !n.startsWith('data:') && !n.startsWith('file:'))")
        assert not fetched, f"fetched from outside the letter: {fetched}"
        # The whole letter, however long: Chromium's own full-page capture.
        height = b.execute_script("return Math.ceil(document.body.getBoundingClientRect().bottom)")
        clip = {"x": 0, "y": 0, "width": 760, "height": height, "scale": 1}
        shot = b.execute_cdp_cmd("Page.captureScreenshot",
                                 {"clip": clip, "captureBeyondViewport": True})
        open(out, "wb").write(base64.b64decode(shot["data"]))
    finally:
        b.quit()
    print(f"letters: {os.path.basename(eml)} shown in Chromium with its logo from the letter itself, nothing fetched")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
