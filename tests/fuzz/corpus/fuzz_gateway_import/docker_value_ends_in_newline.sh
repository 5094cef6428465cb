docker run -e 'HSM_TOKEN_LABEL=gw
' akeyless/base:latest-akeyless
