// Runs in the page (/my) as the customer: loads each page in a 375 px frame of the same
// origin, checks each element named (shown, on the screen, not cut by a cell or a table
// that scrolls sideways, not under another element), then the page as a whole (it does
// not scroll sideways). Reports every failure at once with console.error.
(async (pages) => {
    const failures = [];
    const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    for (const page of pages) {
        const frame = document.createElement("iframe");
        frame.style.cssText = "position:fixed;top:0;left:0;width:375px;height:812px;" +
            "border:0;z-index:100000;background:#fff";
        await new Promise((resolve) => {
            frame.onload = resolve;
            frame.src = page.url;
            document.body.appendChild(frame);
        });
        await wait(300);
        const win = frame.contentWindow;
        const doc = frame.contentDocument;
        const path = page.url.split("?")[0];
        if (!win.location.pathname.endsWith(path)) {
            failures.push(`${page.url}: the frame shows ${win.location.pathname}`);
        }
        const width = win.innerWidth;
        for (const [label, selector] of page.checks) {
            const elements = [...doc.querySelectorAll(selector)].slice(0, 10);
            if (!elements.length) {
                failures.push(`${page.url}: ${label} (${selector}) is not on the page`);
                continue;
            }
            for (const element of elements) {
                // Scroll the page (never a table) to bring the element up.
                const top = element.getBoundingClientRect().top;
                win.scrollTo(0, win.scrollY + top - 200);
                const rect = element.getBoundingClientRect();
                const style = win.getComputedStyle(element);
                const text = element.textContent.trim().slice(0, 30);
                const what = `${page.url}: ${label} (${selector}, "${text}")`;
                if (style.display === "none" || style.visibility === "hidden" ||
                        rect.width < 1 || rect.height < 1 || Number(style.opacity) === 0) {
                    failures.push(`${what} is hidden`);
                    continue;
                }
                if (rect.left < -1 || rect.right > width + 1) {
                    failures.push(`${what} is past the edge of the screen ` +
                        `(${Math.round(rect.left)}-${Math.round(rect.right)} of ${width} px)`);
                    continue;
                }
                if (style.textOverflow === "ellipsis" && element.scrollWidth > element.clientWidth) {
                    failures.push(`${what} is cut`);
                    continue;
                }
                // Cut by a parent that clips or scrolls sideways (a cell, a responsive table).
                let clip = element.parentElement;
                while (clip && clip !== doc.body) {
                    const clipStyle = win.getComputedStyle(clip);
                    const box = clip.getBoundingClientRect();
                    if (clipStyle.overflowX !== "visible" &&
                            (rect.right > box.right + 1 || rect.left < box.left - 1)) {
                        break;
                    }
                    clip = clip.parentElement;
                }
                if (clip && clip !== doc.body) {
                    failures.push(`${what} is cut by ${clip.tagName}.${clip.className}`);
                    continue;
                }
                const x = Math.min(Math.max((rect.left + rect.right) / 2, 0), width - 1);
                const y = Math.min(Math.max((rect.top + rect.bottom) / 2, 0), win.innerHeight - 1);
                const above = doc.elementFromPoint(x, y);
                if (above && !element.contains(above) && !above.contains(element)) {
                    failures.push(`${what} is under ${above.tagName}.${above.className}`);
                }
            }
        }
        const pageWidth = doc.documentElement.scrollWidth;
        if (pageWidth > width + 1) {
            failures.push(`${page.url}: the page scrolls sideways (${pageWidth} px wide)`);
        }
        frame.remove();
    }
    if (failures.length) {
        console.error("On a 375 px screen:\n" + failures.join("\n"));
    } else {
        console.log("test successful");
    }
})
