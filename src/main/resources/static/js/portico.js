// Portico's one script: the CSRF token for htmx requests, print buttons, a file too large
// refused before it is sent, and the warning before an idle session ends. The pages work
// without it; it only adds.
(() => {
	const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content;
	const csrf = () => ({ [meta("csrf-header")]: meta("csrf-token") });

	// A page that prints cleanly offers a print button; without this script it stays hidden.
	document.querySelectorAll("button[data-print]").forEach((button) => {
		button.hidden = false;
		button.addEventListener("click", () => window.print());
	});

	document.addEventListener("htmx:configRequest", (event) => {
		if (meta("csrf-token")) {
			Object.assign(event.detail.headers, csrf());
		}
	});

	// A file larger than the server takes is refused before it is sent, in the server's words.
	document.addEventListener("change", (event) => {
		const input = event.target;
		if (input instanceof HTMLInputElement && input.type === "file" && input.dataset.maxBytes) {
			const file = input.files && input.files[0];
			const tooLarge = file && file.size > Number(input.dataset.maxBytes);
			input.setCustomValidity(tooLarge ? input.dataset.tooLarge : "");
			if (tooLarge) {
				input.reportValidity();
			}
		}
	});

	const timeout = Number(meta("session-timeout-seconds"));
	const dialog = document.getElementById("session-warning");
	if (!timeout || !dialog) {
		return;
	}
	const warnBefore = Math.min(120, timeout / 2);
	let warnTimer;
	let endTimer;

	const end = async () => {
		await fetch(meta("sign-out-url"), { method: "POST", headers: csrf(), credentials: "same-origin" })
			.catch(() => undefined);
		window.location.assign(meta("signed-out-url"));
	};
	const warn = () => {
		dialog.showModal();
		dialog.querySelector("[data-stay]").focus();
	};
	const schedule = () => {
		clearTimeout(warnTimer);
		clearTimeout(endTimer);
		warnTimer = setTimeout(warn, (timeout - warnBefore) * 1000);
		endTimer = setTimeout(end, timeout * 1000);
	};

	dialog.querySelector("[data-stay]").addEventListener("click", async () => {
		const response = await fetch(meta("keep-alive-url"), {
			method: "POST", headers: csrf(), credentials: "same-origin"
		}).catch(() => undefined);
		dialog.close();
		if (response && response.ok) {
			schedule();
		}
		else {
			end();
		}
	});
	dialog.querySelector("[data-leave]").addEventListener("click", end);
	document.addEventListener("htmx:afterRequest", schedule);
	schedule();
})();
