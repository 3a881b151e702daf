// Passkeys (WebAuthn): signing in with one, and adding one, through Spring Security's
// endpoints. Shown only where the browser supports them; every other way to sign in works
// without this script.
(() => {
	if (window.__porticoPasskeys) {
		return;
	}
	window.__porticoPasskeys = true;
	const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content;
	const base = meta("context-path") || "/";
	const url = (path) => base.replace(/\/$/, "") + path;

	const toBase64Url = (buffer) => {
		let text = "";
		for (const b of new Uint8Array(buffer)) {
			text += String.fromCharCode(b);
		}
		return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
	};
	const fromBase64Url = (value) => {
		const b64 = value.replace(/-/g, "+").replace(/_/g, "/");
		const text = atob(b64 + "===".slice((b64.length + 3) % 4));
		return Uint8Array.from(text, (c) => c.charCodeAt(0)).buffer;
	};
	const withIds = (list) => (list || []).map((c) => ({ ...c, id: fromBase64Url(c.id) }));

	const post = async (path, body) => {
		const headers = { "Content-Type": "application/json" };
		headers[meta("csrf-header")] = meta("csrf-token");
		const response = await fetch(url(path), {
			method: "POST", credentials: "same-origin", headers,
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		if (!response.ok) {
			const error = new Error(path);
			error.status = response.status;
			throw error;
		}
		return response.json();
	};

	const showError = (root, error) => {
		const alert = root.querySelector("[data-passkey-error]");
		alert.className = "alert alert-error";
		alert.setAttribute("role", "alert");
		alert.textContent = (error && error.status === 403 && alert.dataset.messageReauth) || alert.dataset.message;
	};

	const signIn = async () => {
		const options = await post("/webauthn/authenticate/options");
		const credential = await navigator.credentials.get({
			publicKey: { ...options, challenge: fromBase64Url(options.challenge),
				allowCredentials: withIds(options.allowCredentials) }
		});
		const r = credential.response;
		const result = await post("/login/webauthn", {
			id: credential.id, rawId: toBase64Url(credential.rawId), type: credential.type,
			response: {
				authenticatorData: toBase64Url(r.authenticatorData), clientDataJSON: toBase64Url(r.clientDataJSON),
				signature: toBase64Url(r.signature), userHandle: r.userHandle ? toBase64Url(r.userHandle) : null
			},
			clientExtensionResults: credential.getClientExtensionResults(),
			authenticatorAttachment: credential.authenticatorAttachment
		});
		window.location.assign(result.redirectUrl || url("/"));
	};

	const add = async (label) => {
		const options = await post("/webauthn/register/options");
		const credential = await navigator.credentials.create({
			publicKey: { ...options, challenge: fromBase64Url(options.challenge),
				user: { ...options.user, id: fromBase64Url(options.user.id) },
				excludeCredentials: withIds(options.excludeCredentials) }
		});
		const r = credential.response;
		const result = await post("/webauthn/register", { publicKey: { label, credential: {
			id: credential.id, rawId: toBase64Url(credential.rawId), type: credential.type,
			response: {
				attestationObject: toBase64Url(r.attestationObject), clientDataJSON: toBase64Url(r.clientDataJSON),
				transports: r.getTransports ? r.getTransports() : []
			},
			clientExtensionResults: credential.getClientExtensionResults(),
			authenticatorAttachment: credential.authenticatorAttachment
		} } });
		if (!result.success) {
			throw new Error("not registered");
		}
	};

	const start = () => {
		if (!window.PublicKeyCredential || !navigator.credentials) {
			return;
		}
		document.querySelectorAll("[data-passkey]").forEach((element) => { element.hidden = false; });
		document.querySelectorAll("[data-passkey-sign-in]").forEach((root) => {
			root.querySelector("button").addEventListener("click", () => signIn().catch((e) => showError(root, e)));
		});
		document.querySelectorAll("[data-passkey-add]").forEach((root) => {
			root.querySelector("button").addEventListener("click", async () => {
				try {
					await add(root.querySelector("input").value);
					const after = root.dataset.after && document.getElementById(root.dataset.after);
					if (after) {
						after.submit();
					}
					else {
						window.location.reload();
					}
				}
				catch (e) {
					showError(root, e);
				}
			});
		});
	};
	if (document.readyState === "loading") {
		document.addEventListener("DOMContentLoaded", start);
	}
	else {
		start();
	}
})();
