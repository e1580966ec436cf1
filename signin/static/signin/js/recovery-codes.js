// The print and copy buttons of the recovery codes page: a file of its own, not inline script, for the
// Content-Security-Policy. Without script the buttons stay hidden and the codes can be selected and copied.
document.querySelectorAll("[data-recovery-codes-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
});

document.querySelectorAll("[data-recovery-codes-copy]").forEach((button) => {
    const list = document.querySelector(button.dataset.recoveryCodesCopy);
    if (!navigator.clipboard || !list) return;
    button.hidden = false;
    button.addEventListener("click", async () => {
        const codes = [...list.querySelectorAll("code")].map((code) => code.textContent);
        await navigator.clipboard.writeText(codes.join("\n"));
        button.textContent = button.dataset.copiedLabel;
    });
});
