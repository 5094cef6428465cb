podman run -e A=b image
