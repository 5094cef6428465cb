docker run -e 'HSM_PIN=1234' -e "HSM_TOKEN_LABEL=a \"b\" \$c \`d\` \\ e" -e HSM_TOKEN_LABEL=x\ y -p 8080:8080 --name gw myimage:1
