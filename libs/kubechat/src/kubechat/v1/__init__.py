"""Generated from proto/kubechat/v1. Never edit by hand."""
