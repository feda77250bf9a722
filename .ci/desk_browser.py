#!/usr/bin/env python3
"""The writing desk in a real browser: headless Chromium driven through chromedriver
(WebDriver), on the example campaign, as a person uses it.

    desk_browser.py CARTERO [SCREENSHOT.png]

It opens the address `cartero web` prints (the token traded for a cookie and gone from the
address bar), searches the list with the keyboard, writes in a letter and saves it with Ctrl+S,
approves it with `a`, goes back with the left arrow, remembers something with `m`, sends with
Shift+S and Enter to an SMTP server on 127.0.0.1 (aiosmtpd) and checks the letter arrived once
with the edit, reads the page in Spanish, checks that nothing was fetched from anywhere but
127.0.0.1, and, given a file name, keeps a screenshot of a client's page in Spanish (the
README's).
"""

import email
import email.policy
import hashlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

from aiosmtpd.controller import Controller
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys


def fail(why):
    print(f"desk_browser: {why}", file=sys.stderr)
    sys.exit(1)


def check(cond, why):
    if not cond:
        fail(why)


CARTERO = os.path.realpath(sys.argv[1])
SHOT = os.path.realpath(sys.argv[2]) if len(sys.argv) > 2 else None
WORK = tempfile.mkdtemp(prefix="cartero-desk-")
ENV = dict(os.environ, CARTERO_NOW="2026-11-22T10:30:00+01:00",
           XDG_DATA_HOME=os.path.join(WORK, ".data"))


def cartero(*args, lang="en"):
    subprocess.run([CARTERO, *args], cwd=WORK, check=True, env=dict(ENV, CARTERO_LANG=lang),
                   stdout=subprocess.DEVNULL)


def open_desk(lang):
    desk = subprocess.Popen([CARTERO, "web", "--no-open"], cwd=WORK, text=True,
                            env=dict(ENV, CARTERO_LANG=lang), stdout=subprocess.PIPE)
    first = desk.stdout.readline()
    url = next((w for w in first.split() if w.startswith("http://127.0.0.1:")), None)
    check(url, f"no address in {first!r}")
    return desk, url


def browser():
    options = webdriver.ChromeOptions()
    for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--lang=es-ES", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check"]:
        options.add_argument(arg)
    for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]:
        if os.path.exists(path):
            options.binary_location = path
            break
    driver = "/usr/bin/chromedriver"
    service = Service(driver) if os.path.exists(driver) else Service()
    return webdriver.Chrome(service=service, options=options)


def wait_for(driver, cond, why, seconds=10):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if cond():
            return
        time.sleep(0.05)
    fail(f"{why}; the page says:\n{driver.find_element(By.TAG_NAME, 'body').text[:2000]}")


def journal():
    with open(os.path.join(WORK, "drafts", "journal.jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def draft(name):
    with open(os.path.join(WORK, "drafts", name), encoding="utf-8") as f:
        return f.read()


def only_this_machine(driver, base):
    names = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
        ".concat([document.location.href])")
    strangers = [n for n in names if not n.startswith(base)]
    check(not strangers, f"fetched from elsewhere: {strangers}")


class Inbox:
    """Every message the test server is given."""

    def __init__(self):
        self.letters = []

    async def handle_DATA(self, server, session, envelope):
        self.letters.append((envelope.rcpt_tos, envelope.original_content))
        return "250 Message accepted for delivery"


inbox = Inbox()
with socket.socket() as probe:  # a free port (aiosmtpd checks its own by connecting)
    probe.bind(("127.0.0.1", 0))
    smtp_port = probe.getsockname()[1]
smtp = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
smtp.start()

cartero("init", ".")
with open(os.path.join(WORK, "cartero.toml"), "a", encoding="utf-8") as f:
    f.write(f'\n[smtp]\nhost = "127.0.0.1"\nport = {smtp_port}\nsecurity = "none"\n')
cartero("draft")
desk, url = open_desk("en")
base = url.split("/?")[0]
driver = browser()
try:
    # The address with its token: the cookie is set and the token leaves the address bar.
    driver.get(url)
    wait_for(driver, lambda: "Pepi Ruiz" in driver.page_source, "the list after the token")
    check("token=" not in driver.current_url, f"the token stays in {driver.current_url}")
    check("0 of 13 decided" in driver.find_element(By.ID, "counts").text, "the counts")
    only_this_machine(driver, base)

    # `/` goes to the search; a name finds its client.
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys("/")
    search = driver.switch_to.active_element
    check(search.get_attribute("id") == "search", "`/` focuses the search")
    search.send_keys("lucía", Keys.ENTER)
    wait_for(driver, lambda: "1 shown" in driver.find_element(By.ID, "shown").text,
             "the search finds one client")
    check("Lucía Ortega" in driver.page_source and "Pepi Ruiz" not in driver.page_source,
          "the search keeps only Lucía")

    # A letter: write in it, Ctrl+S saves it to the draft file.
    driver.get(base + "/client/1")
    text = driver.find_element(By.ID, "text")
    check(text.get_attribute("value") == draft("0001-pepi-ruiz.txt"),
          "the letter box holds the draft file, byte for byte")
    text.click()
    text.send_keys(Keys.CONTROL, Keys.END)
    text.send_keys("P.D.: ¡nos vemos en enero!\n")
    # The personal share is measured again as the person stops typing.
    wait_for(driver, lambda: any(n.endswith("/client/1/measure") for n in driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")),
        "the letter is measured as it is typed")
    check(driver.find_element(By.ID, "share").text.endswith("%"), "the share shows")
    text.send_keys(Keys.CONTROL, "s")
    wait_for(driver, lambda: "Saved." in driver.page_source, "Ctrl+S saves")
    saved = draft("0001-pepi-ruiz.txt")
    check(saved.endswith("P.D.: ¡nos vemos en enero!\n"), f"the file has the edit: {saved!r}")
    check("\r" not in saved, "the file keeps its own line ends")

    # Esc leaves the letter, `a` approves it: the journal binds the approval to that text.
    text = driver.find_element(By.ID, "text")
    text.click()
    text.send_keys(Keys.ESCAPE)
    driver.find_element(By.TAG_NAME, "body").send_keys("a")
    wait_for(driver, lambda: "Approved: Pepi Ruiz." in driver.page_source, "`a` approves")
    check(driver.current_url.startswith(base + "/client/2"), "and goes on to the next client")
    approvals = [e for e in journal() if e["event"] == "approved"]
    check(len(approvals) == 1 and approvals[0]["client"] == "pepi.ruiz@example.com",
          f"one approval, Pepi's: {approvals}")
    digest = hashlib.sha256(saved.encode("utf-8")).hexdigest()
    check(approvals[0]["hash"] == digest, "the approval is the saved text's")

    # The left arrow goes back.
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_LEFT)
    wait_for(driver, lambda: driver.current_url == base + "/client/1", "← goes back")
    check("approved" in driver.find_element(By.CLASS_NAME, "who").text, "Pepi is approved")

    # `m` to remember, typed, Enter: kept in the archive, dated, on the page.
    driver.find_element(By.TAG_NAME, "body").send_keys("m")
    memory = driver.switch_to.active_element
    check(memory.get_attribute("id") == "memory", "`m` goes to the memory")
    memory.send_keys("Le encantó la paella de junio", Keys.ENTER)
    wait_for(driver, lambda: "Kept in the archive." in driver.page_source, "the memory is kept")
    check("Le encantó la paella de junio" in driver.find_element(By.ID, "memories").text,
          "the memory shows")

    # Shift+S: the send page, its button ready; Enter sends; the page follows the run.
    driver.find_element(By.TAG_NAME, "body").send_keys("S")
    wait_for(driver, lambda: driver.current_url == base + "/send", "Shift+S opens the send page")
    check("1 letter is approved" in driver.page_source, "one letter to send")
    check(driver.switch_to.active_element.get_attribute("id") == "send", "the button is ready")
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    wait_for(driver, lambda: len(driver.find_elements(By.ID, "ended")) == 1, "the send ends", 60)
    progress = driver.find_element(By.ID, "progress").text
    check("sent 1" in progress, f"the summary of `cartero send`: {progress}")
    check(len(inbox.letters) == 1, f"one letter arrived: {len(inbox.letters)}")
    rcpts, raw = inbox.letters[0]
    check(rcpts == ["pepi.ruiz@example.com"], f"to Pepi alone: {rcpts}")
    letter = email.message_from_bytes(raw, policy=email.policy.default)
    body = letter.get_body(preferencelist=("plain",)).get_content()
    check("P.D.: ¡nos vemos en enero!" in body, f"with the edit: {body!r}")
    driver.find_element(By.TAG_NAME, "body").send_keys("L")
    wait_for(driver, lambda: "1 of 13 decided" in driver.page_source, "back to the list")
    check("sent" in driver.find_element(By.CLASS_NAME, "state-sent").text, "Pepi is sent")
    only_this_machine(driver, base)
finally:
    driver.quit()
    desk.terminate()
    desk.wait(10)

# The same desk in Spanish, and the README's screenshot of a client's page.
cartero("remember", "jmpena@example.com", "Su hija empieza la universidad en Salamanca")
desk, url = open_desk("es")
driver = browser()
try:
    driver.get(url)
    wait_for(driver, lambda: "1 de 13 decididos" in driver.page_source, "the list in Spanish")
    driver.get(url.split("/?")[0] + "/client/2")
    page = driver.page_source
    for words in ["Lo que sabes de este cliente", "Aprobar", "Omitir", "Rechazar", "Recuerdos",
                  "Su hija empieza la universidad en Salamanca"]:
        check(words in page, f"the Spanish page says {words!r}")
    for english in ["Approve", "Skip", "Reject", "Remembered"]:
        check(english not in page, f"the Spanish page says {english!r}")
    if SHOT:
        os.makedirs(os.path.dirname(SHOT), exist_ok=True)
        driver.save_screenshot(SHOT)
finally:
    driver.quit()
    desk.terminate()
    desk.wait(10)
smtp.stop()
check(len(inbox.letters) == 1, "no letter went twice")
print("desk_browser: the desk works in Chromium, in English and in Spanish")
