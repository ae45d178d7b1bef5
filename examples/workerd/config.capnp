# workerd's configuration: the shop's Worker on an HTTP socket (port 3000; `npm start` passes
# --socket-addr http=*:$PORT), its secrets from the environment, the widget's script as text.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "shop", worker = .shop),
    # The Worker's fetch() may reach the sandbox on this machine: "local" allows loopback.
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "*:3000", http = (), service = "shop")],
);

const shop :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed "dist/worker.js")],
  compatibilityDate = "2026-01-01",
  globalOutbound = "internet",
  bindings = [
    (name = "WPAY_API_KEY", fromEnvironment = "WPAY_API_KEY"),
    (name = "WPAY_API_SECRET", fromEnvironment = "WPAY_API_SECRET"),
    (name = "WPAY_SIGN_KEY", fromEnvironment = "WPAY_SIGN_KEY"),
    (name = "WPAY_BASE_URL", fromEnvironment = "WPAY_BASE_URL"),
    (name = "SHOP_URL", fromEnvironment = "SHOP_URL"),
    (name = "WIDGET_JS", text = embed "node_modules/@wpay/widget/dist/wpay-widget.bundle.js"),
  ],
);
